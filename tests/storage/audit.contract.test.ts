import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { openSeededTestStorage, runSql } from './contractFixtures.ts';

describe.each(BACKENDS)('audit trail and audit view on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSeededTestStorage(backend);
    const { audit } = opened.storage;
    await audit.append({ tenant: 'erkelenz', actor: 'u1', action: 'submission.status_changed', subject: 's1', details: { to: 'abgeschlossen' } });
    await audit.append({ tenant: 'erkelenz', actor: 'u2', action: 'enablement.changed', subject: 'hund' });
    await audit.append({ tenant: 'wegberg', actor: 'w1', action: 'enablement.changed', subject: 'hund' });
    await audit.append({ tenant: null, actor: 'catalogue', action: 'form.published', subject: 'hund' });
    // Fixed times for the time filters.
    await runSql(opened.storage, 'INSERT INTO audit_events (at, tenant, actor, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)', ['2026-01-10T08:00:00.000Z', 'heinsberg', 'h1', 'user.created', 'x', '{}']);
    await runSql(opened.storage, 'INSERT INTO audit_events (at, tenant, actor, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)', ['2026-01-11T08:00:00.000Z', 'heinsberg', 'h2', 'user.updated', 'x', '{"role":"admin"}']);
    await runSql(opened.storage, 'INSERT INTO audit_events (at, tenant, actor, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)', ['2026-01-12T08:00:00.000Z', 'heinsberg', 'h1', 'user.updated', 'y', '{}']);
  });
  afterAll(() => opened.dispose());

  it('When events are appended, then list returns them newest first, filtered, with details and a limit', async () => {
    const { audit } = opened.storage;
    const erkelenz = await audit.list({ tenant: 'erkelenz' });
    expect(erkelenz.map((event) => event.action)).toEqual(['enablement.changed', 'submission.status_changed']);
    expect(erkelenz[1]).toMatchObject({ tenant: 'erkelenz', actor: 'u1', subject: 's1', details: { to: 'abgeschlossen' } });
    expect(typeof erkelenz[1]!.seq).toBe('number');
    expect(erkelenz[0]!.seq).toBeGreaterThan(erkelenz[1]!.seq);
    expect(erkelenz[0]!.details).toEqual({});
    expect((await audit.list({ action: 'enablement.changed' })).map((event) => event.tenant)).toEqual(['wegberg', 'erkelenz']);
    expect((await audit.list({ subject: 'hund', limit: 2 })).map((event) => event.actor)).toEqual(['catalogue', 'w1']);
    expect(await audit.list({ tenant: 'nowhere' })).toEqual([]);
  });

  it("When the audit view searches, then only the participant's events are counted and paged, filtered by actor, action and time", async () => {
    const { auditView } = opened.storage;
    const all = await auditView.search({ tenant: 'heinsberg', offset: 0, limit: 2 });
    expect(all.total).toBe(3);
    expect(all.events.map((event) => event.at)).toEqual(['2026-01-12T08:00:00.000Z', '2026-01-11T08:00:00.000Z']);
    expect((await auditView.search({ tenant: 'heinsberg', offset: 2, limit: 2 })).events.map((event) => event.actor)).toEqual(['h1']);
    const byActor = await auditView.search({ tenant: 'heinsberg', actor: 'h1', offset: 0, limit: 10 });
    expect([byActor.total, byActor.events.map((event) => event.action)]).toEqual([2, ['user.updated', 'user.created']]);
    const byAction = await auditView.search({ tenant: 'heinsberg', action: 'user.updated', offset: 0, limit: 10 });
    expect(byAction.total).toBe(2);
    expect(byAction.events[1]!.details).toEqual({ role: 'admin' });
    const window = await auditView.search({ tenant: 'heinsberg', from: '2026-01-11T08:00:00.000Z', to: '2026-01-12T08:00:00.000Z', offset: 0, limit: 10 });
    expect([window.total, window.events.map((event) => event.actor)]).toEqual([1, ['h2']]);
    // Another participant's actor is not found in this participant's view.
    expect(await auditView.search({ tenant: 'heinsberg', actor: 'u1', offset: 0, limit: 10 })).toEqual({ total: 0, events: [] });
    expect(await auditView.search({ tenant: 'nowhere', offset: 0, limit: 10 })).toEqual({ total: 0, events: [] });
  });

  it('When the actions are listed, then they are the distinct actions of that participant in order', async () => {
    expect(await opened.storage.auditView.listActions('heinsberg')).toEqual(['user.created', 'user.updated']);
    expect(await opened.storage.auditView.listActions('erkelenz')).toEqual(['enablement.changed', 'submission.status_changed']);
    expect(await opened.storage.auditView.listActions('nowhere')).toEqual([]);
  });
});

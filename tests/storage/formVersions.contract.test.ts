import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { openSeededTestStorage, runSql } from './contractFixtures.ts';

describe.each(BACKENDS)('form versions and enablements on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSeededTestStorage(backend);
  });
  afterAll(() => opened.dispose());

  const definition = { id: 'hund', title: 'Hundesteuer', pages: [{ id: 'p1', fields: [] }] } as never;

  it('When a version is published, then it is listed and served with its definition; again with the same hash is unchanged', async () => {
    const { formVersions } = opened.storage;
    expect(await formVersions.publish({ id: 'hund', version: '1.0.0', definition, hash: 'sha256:aa', publishedBy: 'u1', publishedAt: '2026-01-02T03:04:05.000Z' })).toBe('published');
    expect(await formVersions.publish({ id: 'hund', version: '1.0.0', definition, hash: 'sha256:aa', publishedBy: 'u2' })).toBe('unchanged');
    expect(await formVersions.publish({ id: 'hund', version: '1.1.0', definition, hash: 'sha256:bb', publishedBy: 'u1' })).toBe('published');
    expect((await formVersions.listVersions('hund')).sort()).toEqual(['1.0.0', '1.1.0']);
    expect(await formVersions.listVersions('katze')).toEqual([]);
    expect(await formVersions.listServiceIds()).toEqual(['hund']);
    const got = await formVersions.get('hund', '1.0.0');
    expect(got).toEqual({ id: 'hund', version: '1.0.0', definition, hash: 'sha256:aa', publishedAt: '2026-01-02T03:04:05.000Z', publishedBy: 'u1' });
    expect(await formVersions.get('hund', '9.9.9')).toBeUndefined();
    expect(await formVersions.get('katze', '1.0.0')).toBeUndefined();
  });

  it('When an existing version is published with another hash, then it is a conflict and the stored version stays', async () => {
    const { formVersions } = opened.storage;
    const other = { id: 'hund', title: 'Geändert' } as never;
    expect(await formVersions.publish({ id: 'hund', version: '1.0.0', definition: other, hash: 'sha256:cc', publishedBy: 'u3' })).toBe('conflict');
    const got = await formVersions.get('hund', '1.0.0');
    expect(got?.hash).toBe('sha256:aa');
    expect(got?.publishedBy).toBe('u1');
    expect(got?.definition).toEqual(definition);
  });

  it('When a published version is changed in the database directly, then the database refuses it', async () => {
    await expect(runSql(opened.storage, "UPDATE form_versions SET hash = 'sha256:zz' WHERE id = ?", ['hund'])).rejects.toThrow(/immutable/);
    expect((await opened.storage.formVersions.get('hund', '1.0.0'))?.hash).toBe('sha256:aa');
  });

  it('When versions are published concurrently with the same number and different content, then exactly one wins', async () => {
    const outcomes = await Promise.all(
      ['sha256:x1', 'sha256:x2', 'sha256:x3', 'sha256:x1'].map((hash) =>
        opened.storage.formVersions.publish({ id: 'race', version: '1.0.0', definition: { id: 'race' } as never, hash, publishedBy: 'u' }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'published')).toHaveLength(1);
    expect(outcomes.every((outcome) => ['published', 'unchanged', 'conflict'].includes(outcome))).toBe(true);
  });

  it('When enablements are saved, then each participant sees only its own, with the audit event written', async () => {
    const { enablements, audit } = opened.storage;
    const base = { service: 'hund', enabled: true, versionPolicy: 'auto-minor', agreedOn: '2026-01-01', changedBy: 'u1', changedAt: '2026-02-01T00:00:00.000Z' };
    await enablements.save({ ...base, tenant: 'erkelenz' }, { tenant: 'erkelenz', actor: 'u1', action: 'enablement.changed', subject: 'hund' });
    await enablements.save({ ...base, tenant: 'wegberg', enabled: false }, { tenant: 'wegberg', actor: 'u2', action: 'enablement.changed', subject: 'hund' });
    expect(await enablements.get('erkelenz', 'hund')).toEqual({ ...base, tenant: 'erkelenz' });
    expect(await enablements.get('heinsberg', 'hund')).toBeUndefined();
    expect((await enablements.listByTenant('wegberg')).map((e) => [e.tenant, e.enabled])).toEqual([['wegberg', false]]);
    expect((await enablements.listAll()).map((e) => e.tenant)).toEqual(['erkelenz', 'wegberg']);
    const events = await audit.list({ tenant: 'erkelenz', action: 'enablement.changed' });
    expect(events.map((event) => [event.actor, event.subject, event.at])).toEqual([['u1', 'hund', '2026-02-01T00:00:00.000Z']]);

    await enablements.save({ ...base, tenant: 'erkelenz', enabled: false, changedAt: '2026-03-01T00:00:00.000Z' }, { tenant: 'erkelenz', actor: 'u1', action: 'enablement.changed', subject: 'hund' });
    expect((await enablements.get('erkelenz', 'hund'))?.enabled).toBe(false);
  });

  it('When enablements are seeded, then only missing ones are inserted and own decisions stay', async () => {
    const { enablements } = opened.storage;
    const seed = { service: 'hund', enabled: true, versionPolicy: 'auto-minor', agreedOn: '2026-01-01', changedBy: 'seed', changedAt: '2026-01-01T00:00:00.000Z' };
    expect(await enablements.seed([{ ...seed, tenant: 'erkelenz' }, { ...seed, tenant: 'heinsberg' }])).toBe(1);
    expect((await enablements.get('erkelenz', 'hund'))?.enabled).toBe(false);
    expect((await enablements.get('heinsberg', 'hund'))?.changedBy).toBe('seed');
  });
});

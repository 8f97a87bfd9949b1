import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { outboxRows, startDeliveryServer, submitKontakt } from './deliveryHarness.ts';

const SECRET = 'sehr-geheimes-webhook-secret-4711';

describe('delivery channels API', () => {
  let server: StartedServer;
  let admin: StaffSessionForTest;
  let staff: StaffSessionForTest;
  let gangeltAdmin: StaffSessionForTest;
  beforeAll(async () => {
    server = await startDeliveryServer({ allowPrivateTargets: false });
    admin = await createStaffSession(server, 'erkelenz', 'admin');
    staff = await createStaffSession(server, 'erkelenz', 'staff');
    gangeltAdmin = await createStaffSession(server, 'gangelt', 'admin');
  });
  afterAll(async () => {
    await server.close();
  });

  const call = (session: StaffSessionForTest, method: string, path: string, body?: unknown) =>
    fetch(`${server.baseUrl}/api/v1/staff${path}`, { method, headers: session.headers(), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('When the admin adds a webhook with a secret, then the answer and the list show hasSecret but never the secret, and it is audited', async () => {
    const created = await call(admin, 'POST', '/delivery-channels', { kind: 'webhook', config: { url: 'https://fachverfahren.example/hook' }, secret: SECRET });
    expect(created.status).toBe(201);
    const text = await created.text();
    expect(text).not.toContain(SECRET);
    const channel = JSON.parse(text) as { id: string; hasSecret: boolean; service: null; enabled: boolean };
    expect(channel).toMatchObject({ hasSecret: true, service: null, enabled: true });
    const list = await (await call(admin, 'GET', '/delivery-channels')).text();
    expect(list).toContain(channel.id);
    expect(list).not.toContain(SECRET);
    const audit = await server.deps.storage.audit.list({ tenant: 'erkelenz', subject: channel.id });
    expect(audit.map((event) => event.action)).toEqual(['delivery_channel.created']);
    expect(JSON.stringify(audit)).not.toContain(SECRET);

    // An update without secret keeps it.
    const updated = await call(admin, 'PUT', `/delivery-channels/${channel.id}`, { kind: 'webhook', enabled: false, config: { url: 'https://fachverfahren.example/hook2' } });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ hasSecret: true, enabled: false, config: { url: 'https://fachverfahren.example/hook2' } });
    expect((await server.deps.storage.deliveryChannels.getForRelay(channel.id))!.secret).toBe(SECRET);
  });

  it('When a target is http or in a private range, or a webhook has no secret, then the channel is refused with German messages', async () => {
    for (const [config, pointer] of [
      [{ url: 'http://fachverfahren.example/hook' }, '/config/url'],
      [{ url: 'https://127.0.0.1/hook' }, '/config/url'],
      [{ url: 'https://169.254.169.254/latest' }, '/config/url'],
    ] as const) {
      const response = await call(admin, 'POST', '/delivery-channels', { kind: 'webhook', service: 'kontaktantrag', config, secret: SECRET });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { code: string; errors: { pointer: string; message: string }[] };
      expect(body.code).toBe('INVALID_DELIVERY_CHANNEL');
      expect(body.errors.map((error) => error.pointer)).toContain(pointer);
    }
    const noSecret = await call(admin, 'POST', '/delivery-channels', { kind: 'webhook', service: 'kontaktantrag', config: { url: 'https://fachverfahren.example/hook' } });
    expect(((await noSecret.json()) as { errors: { pointer: string; message: string }[] }).errors).toContainEqual({ pointer: '/secret', message: 'Dieser Zustellweg braucht ein Geheimnis.' });
    const badNotice = await call(admin, 'POST', '/delivery-channels', { kind: 'staff_notice', config: { address: 'kein-mail' } });
    expect(badNotice.status).toBe(422);
    const unknownService = await call(admin, 'POST', '/delivery-channels', { kind: 'citizen_status', service: 'gibt-es-nicht' });
    expect(unknownService.status).toBe(422);
  });

  it('When staff without the admin role manage channels, then they are refused; another participant sees 404', async () => {
    expect((await call(staff, 'GET', '/delivery-channels')).status).toBe(403);
    expect((await call(staff, 'POST', '/delivery-channels', { kind: 'citizen_status' })).status).toBe(403);
    const created = (await (await call(admin, 'POST', '/delivery-channels', { kind: 'citizen_status' })).json()) as { id: string };
    expect((await call(gangeltAdmin, 'PUT', `/delivery-channels/${created.id}`, { kind: 'citizen_status' })).status).toBe(404);
    expect((await call(gangeltAdmin, 'DELETE', `/delivery-channels/${created.id}`)).status).toBe(404);
    expect((await call(admin, 'POST', '/delivery-channels', { kind: 'citizen_status' })).status).toBe(409);
    expect((await call(admin, 'DELETE', `/delivery-channels/${created.id}`)).status).toBe(204);
    const audit = await server.deps.storage.audit.list({ tenant: 'erkelenz', subject: created.id });
    expect(audit.map((event) => event.action).sort()).toEqual(['delivery_channel.created', 'delivery_channel.deleted']);
  });

  it('When a delivery is dead, then staff see it per submission, the admin re-sends it with the same id, and the outbox route reports depth', async () => {
    const notice = (await (await call(admin, 'POST', '/delivery-channels', { kind: 'staff_notice', config: { address: 'posteingang@erkelenz.example' } })).json()) as { id: string };
    const { id } = await submitKontakt(server);
    const row = (await outboxRows(server)).find((entry) => entry.submission_id === id && entry.kind === 'staff_notice')!;
    const outbox = server.deps.storage.outbox;
    const now = new Date().toISOString();
    await outbox.claim('test', now, new Date(Date.now() + 60_000).toISOString(), 100);
    await outbox.markFailed(row.id, 'test', 'SMTP_NOT_CONFIGURED: SMTP_URL is not set', undefined);

    const listed = (await (await call(staff, 'GET', `/submissions/${id}/deliveries`)).json()) as { items: { id: string; state: string; kind: string; lastError: string; attempts: number }[] };
    expect(listed.items.find((item) => item.id === row.id)).toMatchObject({ state: 'dead', kind: 'staff_notice', lastError: 'SMTP_NOT_CONFIGURED: SMTP_URL is not set', attempts: 1 });
    expect((await call(gangeltAdmin, 'GET', `/submissions/${id}/deliveries`)).status).toBe(404);
    expect((await call(staff, 'POST', `/deliveries/${row.id}/resend`)).status).toBe(403);
    expect((await call(gangeltAdmin, 'POST', `/deliveries/${row.id}/resend`)).status).toBe(404);

    const stats = (await (await call(staff, 'GET', '/outbox')).json()) as { items: { tenant: string; pending: number; dead: number; oldestPendingAgeSeconds: number | null }[] };
    expect(stats.items.map((item) => item.tenant)).toEqual(['erkelenz']);
    expect(stats.items[0]!.dead).toBeGreaterThanOrEqual(1);

    const resent = await call(admin, 'POST', `/deliveries/${row.id}/resend`);
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ id: row.id, state: 'pending', attempts: 0 });
    expect((await call(admin, 'POST', `/deliveries/${row.id}/resend`)).status).toBe(409);
    const audit = await server.deps.storage.audit.list({ tenant: 'erkelenz', subject: row.id });
    expect(audit.map((event) => event.action)).toEqual(['delivery.resent']);
    expect(notice.id).toBeTruthy();

    const kreis = await createStaffSession(server, 'kreis-heinsberg', 'admin');
    const all = (await (await call(kreis, 'GET', '/outbox')).json()) as { items: { tenant: string }[] };
    expect(all.items.map((item) => item.tenant)).toContain('erkelenz');
  });
});

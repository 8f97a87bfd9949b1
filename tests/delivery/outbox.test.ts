import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { addChannel, outboxRows, startDeliveryServer, submitKontakt, VALID_KONTAKT } from './deliveryHarness.ts';

describe('transactional outbox', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startDeliveryServer();
    await addChannel(server, { kind: 'webhook', config: { url: 'http://127.0.0.1:9/hook' }, secret: 'x'.repeat(32) });
    await addChannel(server, { kind: 'citizen_receipt' });
    await addChannel(server, { kind: 'citizen_status' });
    await addChannel(server, { kind: 'staff_notice', config: { address: 'posteingang@erkelenz.example' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('When a submission is answered 201, then its deliveries to every channel are already committed with it', async () => {
    const plain = await submitKontakt(server);
    const keyed = await submitKontakt(server, VALID_KONTAKT, { 'idempotency-key': 'outbox-1-7f3a9c2e5d41' });
    const rows = await outboxRows(server);
    for (const id of [plain.id, keyed.id]) {
      const mine = rows.filter((row) => row.submission_id === id);
      expect(mine.map((row) => row.kind).sort()).toEqual(['citizen_receipt', 'staff_notice', 'webhook']);
      expect(mine.every((row) => row.state === 'pending' && row.event_type === 'submission.received' && row.attempts === 0)).toBe(true);
    }
    // Each (event, channel) has its own stable id.
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('When the citizen gives no contact e-mail, then no citizen mail is queued', async () => {
    const { id } = await submitKontakt(server, { name: 'Max', anliegen: 'Test' });
    const kinds = (await outboxRows(server)).filter((row) => row.submission_id === id).map((row) => row.kind);
    expect(kinds.sort()).toEqual(['staff_notice', 'webhook']);
  });

  it('When a participant has no channels, then nothing is queued', async () => {
    const before = (await outboxRows(server)).length;
    await submitKontakt(server, VALID_KONTAKT, {}, '/api/v1/tenants/gangelt/services/kontaktantrag/submissions');
    expect((await outboxRows(server)).length).toBe(before);
  });

  it('When staff change the status, then the webhook and the status mail are queued in the same transaction', async () => {
    const { id } = await submitKontakt(server);
    const staff = await createStaffSession(server, 'erkelenz');
    const response = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}/status`, { method: 'POST', headers: staff.headers(), body: JSON.stringify({ status: 'in_bearbeitung' }) });
    expect(response.status).toBe(200);
    const changed = (await outboxRows(server)).filter((row) => row.submission_id === id && row.event_type === 'submission.status_changed');
    expect(changed.map((row) => row.kind).sort()).toEqual(['citizen_status', 'webhook']);
  });

  it('When a service has its own channel of a kind, then it replaces the participant-wide one for that service only', async () => {
    const own = await addChannel(server, { kind: 'staff_notice', service: 'ohne-leika', config: { address: 'ordnungsamt@erkelenz.example' } });
    const offForService = await addChannel(server, { kind: 'citizen_receipt', service: 'ohne-leika', enabled: false });
    const { id } = await submitKontakt(server, VALID_KONTAKT, {}, '/api/v1/tenants/erkelenz/services/ohne-leika/submissions');
    const db = (server.deps.storage as unknown as { db: { all<T>(sql: string, params: unknown[]): Promise<T[]> } }).db;
    const rows = await db.all<{ kind: string; channel_id: string }>('SELECT kind, channel_id FROM outbox WHERE submission_id = ?', [id]);
    expect(rows.map((row) => row.kind).sort()).toEqual(['staff_notice', 'webhook']);
    expect(rows.find((row) => row.kind === 'staff_notice')!.channel_id).toBe(own);
    expect(offForService).toBeTruthy();
  });

  it('When a submission is erased on request or by retention, then its pending deliveries are gone with it', async () => {
    const staff = await createStaffSession(server, 'erkelenz');
    const { id } = await submitKontakt(server);
    expect((await outboxRows(server)).some((row) => row.submission_id === id)).toBe(true);
    const erased = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}`, { method: 'DELETE', headers: staff.headers() });
    expect(erased.status).toBe(204);
    expect((await outboxRows(server)).some((row) => row.submission_id === id)).toBe(false);

    const other = await submitKontakt(server);
    await server.deps.storage.submissions.eraseExpired(new Date(Date.now() + 31 * 86_400_000).toISOString());
    expect((await outboxRows(server)).some((row) => row.submission_id === other.id)).toBe(false);
  });

  it('When two relays claim at once, then no delivery is held by both; an expired lease may be taken over', async () => {
    await submitKontakt(server);
    await submitKontakt(server);
    const outbox = server.deps.storage.outbox;
    const now = new Date();
    const lease = new Date(now.getTime() + 60_000).toISOString();
    const [a, b] = await Promise.all([outbox.claim('relay-a', now.toISOString(), lease, 1000), outbox.claim('relay-b', now.toISOString(), lease, 1000)]);
    const idsA = new Set(a.map((row) => row.id));
    expect(b.filter((row) => idsA.has(row.id))).toEqual([]);
    expect(a.length + b.length).toBeGreaterThan(0);
    // Not before the lease ends ...
    expect(await outbox.claim('relay-c', now.toISOString(), lease, 1000)).toEqual([]);
    // ... but after it.
    const later = new Date(now.getTime() + 61_000);
    const takenOver = await outbox.claim('relay-c', later.toISOString(), new Date(later.getTime() + 60_000).toISOString(), 1000);
    expect(takenOver.length).toBe(a.length + b.length);
    expect(takenOver.every((row) => row.attempts === 2)).toBe(true);
    // The first relay lost its lease: its late success does not settle the row.
    const first = (a[0] ?? b[0])!;
    expect(await outbox.markDelivered(first.id, a[0] ? 'relay-a' : 'relay-b', later.toISOString())).toBe(false);
    expect(await outbox.markDelivered(first.id, 'relay-c', later.toISOString())).toBe(true);
  });
});

describe('retry delay', () => {
  it('When attempts fail, then the delay doubles from the base with ±20 % jitter and never exceeds the maximum', async () => {
    const { computeRetryDelay } = await import('../../server/delivery/computeRetryDelay.ts');
    const minute = 60_000;
    expect(computeRetryDelay(1, minute, 24 * 60 * minute, () => 0.5)).toBe(minute);
    expect(computeRetryDelay(2, minute, 24 * 60 * minute, () => 0.5)).toBe(2 * minute);
    expect(computeRetryDelay(1, minute, 24 * 60 * minute, () => 0)).toBe(0.8 * minute);
    expect(computeRetryDelay(1, minute, 24 * 60 * minute, () => 1)).toBe(1.2 * minute);
    expect(computeRetryDelay(12, minute, 24 * 60 * minute, () => 1)).toBe(24 * 60 * minute);
    expect(computeRetryDelay(40, minute, 24 * 60 * minute, () => 0.5)).toBe(24 * 60 * minute);
  });
});

describe('SSRF guard', () => {
  it('When addresses are checked, then loopback, private, link-local and mapped forms are private and public ones are not', async () => {
    const { isPrivateAddress } = await import('../../server/delivery/requestOutbound.ts');
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['1.1.1.1', '93.184.216.34', '2a00:1450:4001:80b::200e']) expect(isPrivateAddress(address), address).toBe(false);
  });
});

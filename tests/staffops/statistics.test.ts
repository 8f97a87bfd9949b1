import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer, VALID_V1, VALID_V2 } from '../server/startFixtureServer.ts';

describe('submission statistics', () => {
  let server: StartedServer;
  let erkelenz: StaffSessionForTest;
  let kreis: StaffSessionForTest;
  let clock = Date.parse('2026-10-31T22:30:00Z');
  beforeAll(async () => {
    server = await startFixtureServer({ now: () => new Date(clock) });
    // 31 October 23:30 in Germany (CET): October.
    await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', VALID_V1);
    clock = Date.parse('2026-10-31T23:30:00Z'); // 1 November 00:30 in Germany: November.
    const second = (await (await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', VALID_V1)).json()) as { id: string };
    await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', VALID_V1);
    await postJson(server, '/api/v1/tenants/gangelt/services/testantrag/submissions', VALID_V2);
    const staff = await createStaffSession(server, 'erkelenz', 'staff');
    const moved = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${second.id}/status`, { method: 'POST', headers: staff.headers(), body: JSON.stringify({ status: 'in_bearbeitung' }) });
    expect(moved.status).toBe(200);
    clock = Date.parse('2026-12-07T10:00:00Z');
    erkelenz = await createStaffSession(server, 'erkelenz', 'admin');
    kreis = await createStaffSession(server, 'kreis-heinsberg', 'admin');
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (session: StaffSessionForTest, path: string) => fetch(`${server.baseUrl}/api/v1/staff${path}`, { headers: { cookie: session.cookie } });

  it('When a Kommune admin asks for statistics, then it counts its own submissions per service and German month with status shares', async () => {
    const body = (await (await get(erkelenz, '/statistics')).json()) as { tenant: string; from: string; to: string; rows: unknown[] };
    expect(body.tenant).toBe('erkelenz');
    expect(body.from).toBe('2026-01');
    expect(body.to).toBe('2026-12');
    expect(body.rows).toEqual([
      { service: 'testantrag', month: '2026-10', total: 1, counts: { eingegangen: 1, in_bearbeitung: 0, abgeschlossen: 0, abgelehnt: 0 }, shares: { eingegangen: 1, in_bearbeitung: 0, abgeschlossen: 0, abgelehnt: 0 } },
      { service: 'testantrag', month: '2026-11', total: 2, counts: { eingegangen: 1, in_bearbeitung: 1, abgeschlossen: 0, abgelehnt: 0 }, shares: { eingegangen: 0.5, in_bearbeitung: 0.5, abgeschlossen: 0, abgelehnt: 0 } },
    ]);
  });

  it('When the Kreis admin asks, then it sees the whole Kreis or one participant; a Kommune admin asking for another participant gets 404', async () => {
    const all = (await (await get(kreis, '/statistics')).json()) as { tenant: null; rows: { month: string; total: number }[] };
    expect(all.tenant).toBeNull();
    expect(all.rows.find((row) => row.month === '2026-11')!.total).toBe(3);
    const gangelt = (await (await get(kreis, '/statistics?tenant=gangelt')).json()) as { rows: { total: number }[] };
    expect(gangelt.rows.map((row) => row.total)).toEqual([1]);
    const foreign = await get(erkelenz, '/statistics?tenant=gangelt');
    const unknown = await get(erkelenz, '/statistics?tenant=nirgendwo');
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await unknown.text());
  });

  it('When the statistics are downloaded as CSV, then they hold the same figures with percentages', async () => {
    const response = await get(erkelenz, '/statistics.csv?from=2026-10&to=2026-11');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual([
      'service,month,total,eingegangen,eingegangen_percent,in_bearbeitung,in_bearbeitung_percent,abgeschlossen,abgeschlossen_percent,abgelehnt,abgelehnt_percent',
      'testantrag,2026-10,1,1,100,0,0,0,0,0,0',
      'testantrag,2026-11,2,1,50,1,50,0,0,0,0',
    ]);
  });

  it('When the range is malformed or reversed, then 400 INVALID_QUERY', async () => {
    expect((await get(erkelenz, '/statistics?from=2026-13')).status).toBe(400);
    expect((await get(erkelenz, '/statistics?from=2026-11&to=2026-10')).status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer, VALID_V1 } from './startFixtureServer.ts';

const SUBMIT_ERK = '/api/v1/tenants/erkelenz/services/testantrag/submissions';

async function submit(server: StartedServer, body: unknown = VALID_V1): Promise<{ id: string; reference: string; receivedAt: string }> {
  const response = await postJson(server, SUBMIT_ERK, body);
  if (response.status !== 201) throw new Error(`submit answered ${response.status}`);
  return (await response.json()) as { id: string; reference: string; receivedAt: string };
}

/** The German calendar day (YYYY-MM-DD) of an instant: the day filters count in German days, not UTC ones. */
function germanDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

describe('staff submissions', () => {
  let server: StartedServer;
  let staff: StaffSessionForTest;
  const ids: string[] = [];
  const receivedAt: string[] = [];
  beforeAll(async () => {
    server = await startFixtureServer();
    staff = await createStaffSession(server, 'erkelenz');
    for (let i = 0; i < 7; i++) {
      const receipt = await submit(server, { ...VALID_V1, anzahl: (i % 10) + 1, bemerkung: `=SUMME(A${i})` });
      ids.push(receipt.id);
      receivedAt.push(receipt.receivedAt);
    }
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (path: string) => fetch(`${server.baseUrl}/api/v1/staff${path}`, { headers: { cookie: staff.cookie } });
  const changeStatus = (id: string, status: unknown) =>
    fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}/status`, { method: 'POST', headers: staff.headers(), body: JSON.stringify({ status }) });

  it('When staff list submissions, then pages come newest first with the total, without data', async () => {
    const first = (await (await get('/submissions?pageSize=3')).json()) as { items: { id: string; data?: unknown }[]; total: number; page: number };
    expect(first.total).toBe(7);
    expect(first.items.map((s) => s.id)).toEqual(ids.slice(-3).reverse());
    expect(first.items[0]).not.toHaveProperty('data');
    const third = (await (await get('/submissions?pageSize=3&page=3')).json()) as { items: { id: string }[] };
    expect(third.items.map((s) => s.id)).toEqual([ids[0]]);
  });

  it('When staff filter by status, service and days, then only matching submissions come', async () => {
    const from = germanDay(receivedAt[0]!);
    const to = germanDay(receivedAt.at(-1)!);
    const all = (await (await get(`/submissions?service=testantrag&from=${from}&to=${to}`)).json()) as { total: number };
    expect(all.total).toBe(7);
    const none = (await (await get('/submissions?from=2000-01-01&to=2000-01-31')).json()) as { total: number };
    expect(none.total).toBe(0);
    const otherService = (await (await get('/submissions?service=hundesteuer-anmeldung')).json()) as { total: number };
    expect(otherService.total).toBe(0);
    const inWork = (await (await get('/submissions?status=in_bearbeitung')).json()) as { total: number };
    expect(inWork.total).toBe(0);
  });

  it.each([
    ['page=0', '/page'],
    ['pageSize=1000', '/pageSize'],
    ['status=erledigt', '/status'],
    ['from=2026-13-01', '/from'],
    ['to=gestern', '/to'],
    ['version=1', '/version'],
  ])('When the list query has %s, then 400 INVALID_QUERY points at it', async (query, pointer) => {
    const response = await get(`/submissions?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; errors: { pointer: string }[] };
    expect(body.code).toBe('INVALID_QUERY');
    expect(body.errors.map((e) => e.pointer)).toContain(pointer);
  });

  it('When staff open a submission, then it comes with its data and no-store', async () => {
    const response = await get(`/submissions/${ids[0]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ id: ids[0], tenant: 'erkelenz', status: 'eingegangen', data: { person: VALID_V1.person } });
  });

  it('When the status moves eingegangen -> in_bearbeitung -> abgeschlossen, then each step is stored with an audit event', async () => {
    const id = ids[1]!;
    const step1 = await changeStatus(id, 'in_bearbeitung');
    expect(step1.status).toBe(200);
    expect(await step1.json()).toMatchObject({ id, status: 'in_bearbeitung' });
    const step2 = await changeStatus(id, 'abgeschlossen');
    expect(((await step2.json()) as { status: string }).status).toBe('abgeschlossen');
    const events = await server.deps.storage.audit.list({ tenant: 'erkelenz', action: 'submission.status_changed', subject: id });
    expect(events.map((e) => e.details)).toEqual([
      { from: 'in_bearbeitung', to: 'abgeschlossen' },
      { from: 'eingegangen', to: 'in_bearbeitung' },
    ]);
    expect(events[0]!.actor).toBe(staff.user.id);
  });

  it.each([
    ['eingegangen', 'abgeschlossen'],
    ['eingegangen', 'abgelehnt'],
    ['eingegangen', 'eingegangen'],
  ])('When the status jumps from %s to %s, then 409 INVALID_STATUS_TRANSITION and it stays', async (_from, to) => {
    const id = ids[2]!;
    const response = await changeStatus(id, to);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { code: string }).code).toBe('INVALID_STATUS_TRANSITION');
    expect((await server.deps.storage.submissions.get('erkelenz', id))!.status).toBe('eingegangen');
  });

  it('When a finished submission should change again, then 409', async () => {
    const id = ids[3]!;
    await changeStatus(id, 'in_bearbeitung');
    await changeStatus(id, 'abgelehnt');
    expect((await changeStatus(id, 'in_bearbeitung')).status).toBe(409);
  });

  it('When the status is unknown, then 422 with a German message', async () => {
    const response = await changeStatus(ids[4]!, 'erledigt');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/status', message: expect.stringContaining('Status') }] });
  });

  it('When the body also carries tenant or id, then they are ignored', async () => {
    const id = ids[5]!;
    const response = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}/status`, {
      method: 'POST',
      headers: staff.headers(),
      body: JSON.stringify({ status: 'in_bearbeitung', tenant: 'gangelt', id: ids[0] }),
    });
    expect(await response.json()).toMatchObject({ id, tenant: 'erkelenz', status: 'in_bearbeitung' });
    expect((await server.deps.storage.submissions.get('erkelenz', ids[0]!))!.status).toBe('eingegangen');
  });

  it('When staff export CSV, then it streams a header and one escaped row per submission, formulas defused', async () => {
    const response = await get('/exports/testantrag/1.0.0?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="erkelenz-testantrag-1.0.0.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id;reference;status;version;receivedAt;updatedAt;paymentState;paymentAmountCents;paymentProviderReference;paymentProvider;person.vorname;person.nachname;anzahl;bemerkung');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain(`${ids[0]};ERK-`);
    expect(lines[1]).toContain(";Erika;Mustermann;1;'=SUMME(A0)");
    const events = await server.deps.storage.audit.list({ tenant: 'erkelenz', action: 'submission.exported' });
    expect(events[0]!.details).toEqual({ version: '1.0.0', format: 'csv', count: 7 });
  });

  it('When staff export JSON, then it is an array of all submissions with data, oldest first', async () => {
    const response = await get('/exports/testantrag/1.0.0?format=json');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const rows = (await response.json()) as { id: string; data: unknown }[];
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows[0]!.data).toMatchObject({ person: VALID_V1.person });
  });

  it('When more rows exist than one cursor chunk, then the export still has each exactly once', async () => {
    const big = await startFixtureServer();
    try {
      const user = await createStaffSession(big, 'erkelenz');
      const created = await Promise.all(Array.from({ length: 1234 }, () => submit(big)));
      const response = await fetch(`${big.baseUrl}/api/v1/staff/exports/testantrag/1.0.0?format=json`, { headers: { cookie: user.cookie } });
      const rows = (await response.json()) as { id: string }[];
      expect(rows).toHaveLength(1234);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(created.map((c) => c.id)));
    } finally {
      await big.close();
    }
  });

  it('When an export asks for an unpublished version or a bad format, then 404 FORM_VERSION_NOT_FOUND / 400 INVALID_QUERY', async () => {
    expect((await get('/exports/testantrag/9.9.9')).status).toBe(404);
    const badFormat = await get('/exports/testantrag/1.0.0?format=xlsx');
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as { code: string }).code).toBe('INVALID_QUERY');
  });
});

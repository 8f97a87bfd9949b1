import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer, VALID_V1 } from './startFixtureServer.ts';

const SUBMIT_ERK = '/api/v1/tenants/erkelenz/services/testantrag/submissions';
const SUBMIT_GAN = '/api/v1/tenants/gangelt/services/testantrag/submissions';
const REASON = 'Antrag auf Löschung nach Art. 17 DSGVO';
/** Distinctive personal data, so any copy of it in the audit trail would be found. */
const PERSONAL = { person: { vorname: 'Zacharias', nachname: 'Quellenhof-Ümmelmann' }, anzahl: 3, bemerkung: 'Wohnt Lindenallee 17b' };

interface Receipt {
  id: string;
  reference: string;
}

type Db = { get<T>(sql: string, params?: unknown[]): Promise<T | undefined>; all<T>(sql: string, params?: unknown[]): Promise<T[]> };

function dbOf(server: StartedServer): Db {
  return (server.deps.storage as unknown as { db: Db }).db;
}

/** Every string and number leaf of a JSON value. */
function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [String(value)];
}

describe('erasure of a submission on request', () => {
  let server: StartedServer;
  let staff: StaffSessionForTest;
  beforeAll(async () => {
    server = await startFixtureServer();
    staff = await createStaffSession(server, 'erkelenz');
  });
  afterAll(async () => {
    await server.close();
  });

  const submit = async (body: unknown = VALID_V1, path = SUBMIT_ERK, headers: Record<string, string> = {}): Promise<Receipt> => {
    const response = await postJson(server, path, body, headers);
    if (response.status !== 201) throw new Error(`submit answered ${response.status}`);
    return (await response.json()) as Receipt;
  };
  const erase = (id: string, session: StaffSessionForTest = staff, body?: unknown, headers?: Record<string, string>) =>
    fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}`, {
      method: 'DELETE',
      headers: headers ?? (body === undefined ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : session.headers()),
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const get = (path: string, session: StaffSessionForTest = staff) => fetch(`${server.baseUrl}/api/v1/staff${path}`, { headers: { cookie: session.cookie } });

  it('When staff erase a submission with a reason, then 204 and detail, list and exports no longer contain it', async () => {
    const kept = await submit();
    const gone = await submit(PERSONAL);
    const response = await erase(gone.id, staff, { reason: REASON });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');

    const detail = await get(`/submissions/${gone.id}`);
    expect(detail.status).toBe(404);
    expect(((await detail.json()) as { code: string }).code).toBe('SUBMISSION_NOT_FOUND');
    expect((await get(`/submissions/${gone.id}/context`)).status).toBe(404);
    const list = (await (await get('/submissions?pageSize=200')).json()) as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toContain(kept.id);
    expect(list.items.map((item) => item.id)).not.toContain(gone.id);
    const json = await (await get('/exports/testantrag/1.0.0?format=json')).text();
    const csv = await (await get('/exports/testantrag/1.0.0?format=csv')).text();
    for (const text of [json, csv]) {
      expect(text).toContain(kept.id);
      expect(text).not.toContain(gone.id);
      expect(text).not.toContain(PERSONAL.person.nachname);
    }
    const rows = await dbOf(server).all('SELECT id FROM submissions WHERE id = ?', [gone.id]);
    expect(rows).toEqual([]);
  });

  it('When a submission is erased, then its audit event names id, reference, service, version, actor and reason, but no value of its data', async () => {
    const receipt = await submit(PERSONAL);
    expect((await erase(receipt.id, staff, { reason: `  ${REASON}  ` })).status).toBe(204);
    const [event] = await server.deps.storage.audit.list({ tenant: 'erkelenz', action: 'submission.erased', subject: receipt.id });
    expect(event).toMatchObject({
      tenant: 'erkelenz',
      actor: staff.user.id,
      subject: receipt.id,
      details: { reason: REASON, reference: receipt.reference, service: 'testantrag', version: '1.0.0', status: 'eingegangen' },
    });
    expect(Date.parse(event!.at)).not.toBeNaN();
    const raw = JSON.stringify(await dbOf(server).all('SELECT * FROM audit_events WHERE subject = ?', [receipt.id]));
    for (const value of leaves(PERSONAL).filter((leaf) => leaf.length > 2)) expect(raw).not.toContain(value);
  });

  it('When a submission is in_bearbeitung, then it can be erased too and the audit event records that status', async () => {
    const receipt = await submit();
    const changed = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${receipt.id}/status`, { method: 'POST', headers: staff.headers(), body: JSON.stringify({ status: 'in_bearbeitung' }) });
    expect(changed.status).toBe(200);
    expect((await erase(receipt.id)).status).toBe(204);
    const events = await server.deps.storage.audit.list({ tenant: 'erkelenz', subject: receipt.id });
    expect(events.map((e) => e.action)).toEqual(['submission.erased', 'submission.status_changed']);
    expect(events[0]!.details).toEqual({ reason: null, reference: receipt.reference, service: 'testantrag', version: '1.0.0', status: 'in_bearbeitung' });
  });

  it("When another participant's id, a missing id or an erased id is erased, then 404 exactly like the detail route of a missing one", async () => {
    const gangelt = await submit({ ...VALID_V1, email: 'erika@example.org' }, SUBMIT_GAN);
    const erased = await submit();
    expect((await erase(erased.id)).status).toBe(204);
    const missingDetail = await get('/submissions/00000000-0000-4000-8000-000000000000');
    const expected = { status: missingDetail.status, body: await missingDetail.text() };
    expect(expected.status).toBe(404);
    for (const id of [gangelt.id, '00000000-0000-4000-8000-000000000000', erased.id, 'kein-uuid']) {
      const response = await erase(id, staff, { reason: REASON });
      expect({ status: response.status, body: await response.text() }, id).toEqual(expected);
    }
    expect(await server.deps.storage.submissions.get('gangelt', gangelt.id)).toBeDefined();
    expect(await server.deps.storage.audit.list({ subject: gangelt.id })).toEqual([]);
  });

  it('When a Kreis editor or a Kreis admin tries to erase a Kommune submission, then 403 FORBIDDEN / 404 and it stays', async () => {
    const receipt = await submit();
    const editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    const byEditor = await erase(receipt.id, editor);
    expect(byEditor.status).toBe(403);
    expect(((await byEditor.json()) as { code: string }).code).toBe('FORBIDDEN');
    const admin = await createStaffSession(server, 'kreis-heinsberg', 'admin');
    expect((await erase(receipt.id, admin)).status).toBe(404);
    expect(await server.deps.storage.submissions.get('erkelenz', receipt.id)).toBeDefined();
  });

  it('When the CSRF token is missing or wrong, then 403 CSRF_FAILED and the submission stays', async () => {
    const receipt = await submit();
    const attempts: Record<string, string>[] = [{ cookie: staff.cookie }, { cookie: staff.cookie, 'x-csrf-token': 'falsch' }];
    for (const headers of attempts) {
      const response = await erase(receipt.id, staff, undefined, headers);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe('CSRF_FAILED');
    }
    expect((await fetch(`${server.baseUrl}/api/v1/staff/submissions/${receipt.id}`, { method: 'DELETE' })).status).toBe(401);
    expect(await server.deps.storage.submissions.get('erkelenz', receipt.id)).toBeDefined();
  });

  it.each([
    ['a reason over 500 characters', 422, 'VALIDATION_FAILED', { reason: 'x'.repeat(501) }],
    ['a reason that is not a string', 422, 'VALIDATION_FAILED', { reason: 17 }],
    ['another property', 422, 'VALIDATION_FAILED', { reason: REASON, data: {} }],
    ['an array body', 400, 'INVALID_BODY', [REASON]],
    ['malformed JSON', 400, 'MALFORMED_JSON', '{"reason":'],
  ])('When the body has %s, then %i %s and the submission stays', async (_case, status, code, body) => {
    const receipt = await submit();
    const response = await erase(receipt.id, staff, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
    expect(await server.deps.storage.submissions.get('erkelenz', receipt.id)).toBeDefined();
  });

  it('When the original POST is retried with the same Idempotency-Key after the erasure, then 410 SUBMISSION_ERASED and nothing is stored again', async () => {
    const key = 'erasure-retry-1-7f3a9c2e5d41';
    const receipt = await submit(PERSONAL, SUBMIT_ERK, { 'idempotency-key': key });
    const replay = await postJson(server, SUBMIT_ERK, PERSONAL, { 'idempotency-key': key });
    expect(((await replay.json()) as Receipt).id).toBe(receipt.id);
    expect((await erase(receipt.id, staff, { reason: REASON })).status).toBe(204);

    const before = await dbOf(server).get<{ n: number }>('SELECT count(*) AS n FROM submissions');
    for (const body of [PERSONAL, VALID_V1]) {
      const retry = await postJson(server, SUBMIT_ERK, body, { 'idempotency-key': key });
      expect(retry.status).toBe(410);
      expect(((await retry.json()) as { code: string }).code).toBe('SUBMISSION_ERASED');
    }
    expect(await dbOf(server).get<{ n: number }>('SELECT count(*) AS n FROM submissions')).toEqual(before);
    const stored = JSON.stringify(await dbOf(server).all('SELECT * FROM submissions'));
    expect(stored).not.toContain(PERSONAL.person.nachname);
    // The tombstone keeps only the key's scope: no request hash, no submission id.
    expect(await dbOf(server).all('SELECT * FROM idempotency_keys WHERE key = ?', [key])).toEqual([]);
    const [tombstone] = await dbOf(server).all<Record<string, unknown>>('SELECT * FROM erased_idempotency_keys WHERE key = ?', [key]);
    expect(Object.keys(tombstone!).sort()).toEqual(['created_at', 'erased_at', 'key', 'service', 'tenant']);
    // A new key submits anew as usual.
    expect((await postJson(server, SUBMIT_ERK, PERSONAL, { 'idempotency-key': 'erasure-retry-2-7f3a9c2e5d41' })).status).toBe(201);
  });

  it('When the idempotency TTL has passed, then the tombstone is forgotten by retention like any key', async () => {
    const key = 'erasure-ttl-1-7f3a9c2e5d41';
    const receipt = await submit(VALID_V1, SUBMIT_ERK, { 'idempotency-key': key });
    expect((await erase(receipt.id)).status).toBe(204);
    const forgotten = await server.deps.storage.submissions.forgetIdempotencyKeys(new Date(Date.now() + 60_000).toISOString());
    expect(forgotten).toBeGreaterThanOrEqual(1);
    expect(await server.deps.storage.submissions.findByIdempotencyKey('erkelenz', 'testantrag', key)).toBeUndefined();
  });

  it('When a submission with a payment is erased, then the payment (no personal data) stays for billing', async () => {
    const receipt = await submit();
    const paid = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${receipt.id}/payment`, { method: 'POST', headers: staff.headers(), body: JSON.stringify({ amountCents: 1250, provider: 'manual' }) });
    expect(paid.status).toBe(201);
    expect((await erase(receipt.id)).status).toBe(204);
    const payments = await dbOf(server).all<{ submission_id: string; amount_cents: number }>('SELECT submission_id, amount_cents FROM payments WHERE submission_id = ?', [receipt.id]);
    expect(payments).toEqual([{ submission_id: receipt.id, amount_cents: 1250 }]);
  });
});

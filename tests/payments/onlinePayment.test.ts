import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXBezahldiensteStandIn, type XBezahldiensteStandIn } from '../../server/payments/standin/createXBezahldiensteStandIn.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';
import { withDataUrls, withUploadedFiles } from '../helpers/uploadSamples.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLIENT = { clientId: 'kreisform-erkelenz', clientSecret: 'standin-geheim-erk-2026', originatorId: 'kreisform-bpa', endPointId: '05370004' };
const FEE_CENTS = 3050;
/** 25 ct + 1.50 % of 30,50 € (45.75 ct, rounded half up to 46 ct). */
const COST_CENTS = 71;

describe('Online payment (XBezahldienste stand-in)', () => {
  let server: StartedServer;
  let standIn: XBezahldiensteStandIn;
  let standInUrl: string;
  let admin: StaffSessionForTest;
  let kreis: StaffSessionForTest;
  let fixture: Record<string, unknown>;
  let answers: Record<string, unknown>;
  let clock = new Date('2026-12-07T09:00:00.000Z');
  const year = 2026;

  beforeAll(async () => {
    standIn = createXBezahldiensteStandIn({ clients: [CLIENT] });
    standInUrl = await standIn.listen(0);
    server = await startServer({ now: () => clock });
    admin = await createStaffSession(server, 'erkelenz', 'admin');
    kreis = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    fixture = JSON.parse(await readFile(resolve(ROOT, 'forms/bewohnerparkausweis/fixtures/valid/01-minimal.json'), 'utf8')) as Record<string, unknown>;
    // Erkelenz serves 2.1.0, whose files travel as data URLs; Heinsberg serves 3.0.0 with uploaded files.
    answers = withDataUrls(fixture);
    const provider = await fetch(`${server.baseUrl}/api/v1/staff/payment-provider`, {
      method: 'PUT',
      headers: admin.headers(),
      body: JSON.stringify({ kind: 'xbezahldienste', baseUrl: standInUrl, ...CLIENT, fixedCostCents: 25, percentBasisPoints: 150 }),
    });
    expect(provider.status).toBe(200);
    const fee = await fetch(`${server.baseUrl}/api/v1/staff/fees/bewohnerparkausweis`, { method: 'PUT', headers: admin.headers(), body: JSON.stringify({ baseCents: FEE_CENTS }) });
    expect(fee.status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    await standIn.close();
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}/api/v1${path}`, init);
  const start = async (tenant = 'erkelenz') =>
    api(`/tenants/${tenant}/services/bewohnerparkausweis/payments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answers) });
  const paypageAction = async (paypageUrl: string, action: 'pay' | 'cancel') => {
    const response = await fetch(`${paypageUrl}/${action}`, { method: 'POST', redirect: 'manual' });
    expect(response.status).toBe(303);
    return response.headers.get('location')!;
  };
  const state = async (id: string, token: string) => api(`/payments/${id}`, { headers: { 'x-payment-token': token } });
  const submissionCount = async () => ((await (await api('/staff/submissions?service=bewohnerparkausweis', { headers: admin.headers() })).json()) as { total: number }).total;

  it('When the admin reads the provider settings, then the client secret is never answered', async () => {
    const body = (await (await api('/staff/payment-provider', { headers: admin.headers() })).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'xbezahldienste', clientId: CLIENT.clientId, hasClientSecret: true, fixedCostCents: 25, percentBasisPoints: 150 });
    expect(JSON.stringify(body)).not.toContain(CLIENT.clientSecret);
  });

  it('When a staff member (not admin) sets a fee, then it is forbidden', async () => {
    const staff = await createStaffSession(server, 'erkelenz', 'staff');
    const response = await api('/staff/fees/bewohnerparkausweis', { method: 'PUT', headers: staff.headers(), body: JSON.stringify({ baseCents: 1 }) });
    expect(response.status).toBe(403);
  });

  it("When the portal asks for the fee, then it gets Erkelenz's own amount; a participant without a schedule has none", async () => {
    expect(await (await api('/tenants/erkelenz/services/bewohnerparkausweis/fee')).json()).toMatchObject({ chargeable: true, online: true, basis: 'fixed', baseCents: FEE_CENTS });
    expect(await (await api('/tenants/heinsberg/services/bewohnerparkausweis/fee')).json()).toEqual({ chargeable: false, online: false });
  });

  it('When a chargeable application is submitted directly, then it is refused with PAYMENT_REQUIRED; without a schedule it is received', async () => {
    const direct = await api('/tenants/erkelenz/services/bewohnerparkausweis/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answers) });
    expect(direct.status).toBe(409);
    expect(((await direct.json()) as { code: string }).code).toBe('PAYMENT_REQUIRED');
    const uploaded = await withUploadedFiles(server.baseUrl, 'heinsberg', 'bewohnerparkausweis', fixture);
    const heinsberg = await api('/tenants/heinsberg/services/bewohnerparkausweis/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(uploaded) });
    expect(heinsberg.status).toBe(201);
  });

  let paidId = '';
  let paidToken = '';
  let paidReference = '';
  let returnUrl = '';

  it('When the citizen pays at the provider, then the return turns the pending payment into a received application with a reference', async () => {
    const response = await start();
    expect(response.status).toBe(201);
    const started = (await response.json()) as { paymentId: string; token: string; amountCents: number; paypageUrl: string };
    expect(started.amountCents).toBe(FEE_CENTS);
    expect(started.paypageUrl.startsWith(standInUrl)).toBe(true);
    paidId = started.paymentId;
    paidToken = started.token;
    const open = (await (await state(paidId, paidToken)).json()) as Record<string, unknown>;
    expect(open).toMatchObject({ status: 'offen', amountCents: FEE_CENTS });
    expect(open).not.toHaveProperty('reference');
    expect(await submissionCount()).toBe(0);

    const paypage = await fetch(started.paypageUrl);
    expect(await paypage.text()).toContain('30,50 €');
    returnUrl = await paypageAction(started.paypageUrl, 'pay');
    expect(returnUrl.startsWith(`${server.baseUrl}/api/v1/payments/${paidId}/return?sig=`)).toBe(true);
    const back = await fetch(returnUrl, { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/erkelenz/zahlung#${paidId}.${paidToken}`);
    const paid = (await (await state(paidId, paidToken)).json()) as { status: string; reference: string; providerReference: string; data?: unknown };
    expect(paid.status).toBe('bezahlt');
    expect(paid.reference).toMatch(/^ERK-2026-\d{6}$/);
    expect(paid.providerReference).toMatch(/^SI-/);
    expect(paid.data).toBeUndefined();
    paidReference = paid.reference;
    expect(await submissionCount()).toBe(1);
  });

  it('When the same return (callback) arrives again, then nothing is stored twice and the reference stays', async () => {
    const statusCallsBefore = standIn.calls.status;
    const again = await fetch(returnUrl, { redirect: 'manual' });
    expect(again.status).toBe(303);
    const [a, b] = await Promise.all([fetch(returnUrl, { redirect: 'manual' }), fetch(returnUrl, { redirect: 'manual' })]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(standIn.calls.status).toBe(statusCallsBefore);
    expect(((await (await state(paidId, paidToken)).json()) as { reference: string }).reference).toBe(paidReference);
    expect(await submissionCount()).toBe(1);
  });

  it('When staff open the inbox and export, then they see payment state, amount and provider reference', async () => {
    const list = (await (await api('/staff/submissions?service=bewohnerparkausweis', { headers: admin.headers() })).json()) as {
      items: { reference: string; payment?: { state: string; amountCents: number; providerReference: string; transactionCostCents: number } }[];
    };
    expect(list.items[0]!.reference).toBe(paidReference);
    expect(list.items[0]!.payment).toMatchObject({ state: 'bezahlt', amountCents: FEE_CENTS, transactionCostCents: COST_CENTS });
    expect(list.items[0]!.payment!.providerReference).toMatch(/^SI-/);
    const csv = await (await api('/staff/exports/bewohnerparkausweis/2.1.0?format=csv', { headers: admin.headers() })).text();
    expect(csv).toContain(`;bezahlt;${FEE_CENTS};SI-`);
  });

  it('When a forged return arrives (wrong signature), then it is refused; a correct signature before paying changes nothing', async () => {
    const started = (await (await start()).json()) as { paymentId: string; token: string };
    const forged = await fetch(`${server.baseUrl}/api/v1/payments/${started.paymentId}/return?sig=${'A'.repeat(43)}`, { redirect: 'manual' });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { code: string }).code).toBe('PAYMENT_SIGNATURE_INVALID');
    const noSig = await fetch(`${server.baseUrl}/api/v1/payments/${started.paymentId}/return`, { redirect: 'manual' });
    expect(noSig.status).toBe(403);
    const wrongToken = await state(started.paymentId, paidToken);
    expect(wrongToken.status).toBe(403);
    const early = await fetch(`${server.baseUrl}/api/v1/payments/${started.paymentId}/return?sig=${started.token}`, { redirect: 'manual' });
    expect(early.status).toBe(303);
    expect(((await (await state(started.paymentId, started.token)).json()) as { status: string }).status).toBe('offen');
    expect(await submissionCount()).toBe(1);
  });

  it('When the citizen cancels at the provider, then the review gets the answers back and nothing is received', async () => {
    const started = (await (await start()).json()) as { paymentId: string; token: string; paypageUrl: string };
    const back = await fetch(await paypageAction(started.paypageUrl, 'cancel'), { redirect: 'manual' });
    expect(back.status).toBe(303);
    const cancelled = (await (await state(started.paymentId, started.token)).json()) as { status: string; data: unknown; reference?: string };
    expect(cancelled.status).toBe('abgebrochen');
    expect(cancelled.data).toEqual(answers);
    expect(cancelled.reference).toBeUndefined();
    expect(await submissionCount()).toBe(1);
  });

  it('When the provider is down, then starting answers 503 and a confirmation waits; once it is back the payment completes', async () => {
    standIn.setDown(true);
    const refused = await start();
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { code: string }).code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    standIn.setDown(false);
    const started = (await (await start()).json()) as { paymentId: string; token: string; paypageUrl: string };
    const location = await paypageAction(started.paypageUrl, 'pay');
    standIn.setDown(true);
    const back = await fetch(location, { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(((await (await state(started.paymentId, started.token)).json()) as { status: string }).status).toBe('offen');
    expect(await submissionCount()).toBe(1);
    standIn.setDown(false);
    const paid = (await (await state(started.paymentId, started.token)).json()) as { status: string; reference: string };
    expect(paid.status).toBe('bezahlt');
    expect(paid.reference).toMatch(/^ERK-/);
    expect(await submissionCount()).toBe(2);
  });

  it('When the confirmation comes after the payment expired, then no application is stored and the late payment is audited', async () => {
    const started = (await (await start()).json()) as { paymentId: string; token: string; paypageUrl: string };
    const location = await paypageAction(started.paypageUrl, 'pay');
    clock = new Date(clock.getTime() + 61 * 60 * 1000);
    const back = await fetch(location, { redirect: 'manual' });
    expect(back.status).toBe(303);
    const expired = (await (await state(started.paymentId, started.token)).json()) as { status: string; reference?: string; data?: unknown };
    expect(expired.status).toBe('abgelaufen');
    expect(expired.reference).toBeUndefined();
    expect(expired.data).toBeUndefined();
    expect(await submissionCount()).toBe(2);
    const events = await server.deps.storage.audit.list({ tenant: 'erkelenz', action: 'payment.paid_after_expiry' });
    expect(events.map((event) => event.subject)).toContain(started.paymentId);
  });

  it('When an abandoned payment passes its expiry, then retention expires it and discards the answers', async () => {
    const started = (await (await start()).json()) as { paymentId: string };
    clock = new Date(clock.getTime() + 61 * 60 * 1000);
    const { runRetention } = await import('../../server/usecases/runRetention.ts');
    expect((await runRetention(server.deps)).expiredPayments).toBeGreaterThanOrEqual(1);
    const pending = await server.deps.storage.payments.getPending(started.paymentId);
    expect(pending).toMatchObject({ status: 'expired', data: undefined });
  });

  it("When the year's report is read, then Erkelenz's payments carry its own transaction costs and no other participant has any", async () => {
    const own = (await (await api(`/staff/reports/payments?year=${year}`, { headers: admin.headers() })).json()) as { scope: string; rows: unknown[] };
    expect(own.scope).toBe('erkelenz');
    expect(own.rows).toEqual([{ tenant: 'erkelenz', service: 'bewohnerparkausweis', count: 2, amountCents: 2 * FEE_CENTS, transactionCostCents: 2 * COST_CENTS, refundedCount: 0 }]);
    const all = (await (await api(`/staff/reports/payments?year=${year}`, { headers: kreis.headers() })).json()) as { scope: string; rows: { tenant: string }[] };
    expect(all.scope).toBe('all');
    expect(all.rows.map((row) => row.tenant)).toEqual(['erkelenz']);
    const heinsbergStaff = await createStaffSession(server, 'heinsberg', 'staff');
    expect(((await (await api(`/staff/reports/payments?year=${year}`, { headers: heinsbergStaff.headers() })).json()) as { rows: unknown[] }).rows).toEqual([]);
    const csv = await (await api(`/staff/reports/payments.csv?year=${year}`, { headers: kreis.headers() })).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'year,participant,service,payments,amountCents,transactionCostCents,refunded',
      `${year},erkelenz,bewohnerparkausweis,2,${2 * FEE_CENTS},${2 * COST_CENTS},0`,
      '',
    ]);
  });

  it('When staff refund a payment, then it is recorded (XBezahldienste 1.0 has no refund message, so not sent) and only once', async () => {
    const list = (await (await api('/staff/submissions?service=bewohnerparkausweis', { headers: admin.headers() })).json()) as { items: { id: string; reference: string }[] };
    const id = list.items.find((item) => item.reference === paidReference)!.id;
    const refund = await api(`/staff/submissions/${id}/refund`, { method: 'POST', headers: admin.headers(), body: JSON.stringify({ reason: 'Antrag zurückgenommen' }) });
    expect(refund.status).toBe(200);
    expect(await refund.json()).toMatchObject({ state: 'erstattet', refundSent: false, refundReason: 'Antrag zurückgenommen' });
    const again = await api(`/staff/submissions/${id}/refund`, { method: 'POST', headers: admin.headers(), body: JSON.stringify({ reason: 'nochmal' }) });
    expect(again.status).toBe(409);
    const other = await createStaffSession(server, 'heinsberg', 'staff');
    const foreign = await api(`/staff/submissions/${id}/payment`, { headers: other.headers() });
    expect(foreign.status).toBe(404);
  });

  it('When a payment was recorded online, then recording it by hand answers PAYMENT_EXISTS', async () => {
    const list = (await (await api('/staff/submissions?service=bewohnerparkausweis', { headers: admin.headers() })).json()) as { items: { id: string }[] };
    const manual = await api(`/staff/submissions/${list.items[0]!.id}/payment`, {
      method: 'POST',
      headers: admin.headers(),
      body: JSON.stringify({ amountCents: FEE_CENTS, provider: 'manual', paidAt: clock.toISOString() }),
    });
    expect(manual.status).toBe(409);
    expect(((await manual.json()) as { code: string }).code).toBe('PAYMENT_EXISTS');
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostShare as Share } from '../../engine/agreement/allocateCosts.ts';
import { getReferenceDate } from '../../engine/agreement/getReferenceDate.ts';
import { splitLargestRemainder } from '../../engine/agreement/splitLargestRemainder.ts';
import { listRoutes } from '../../server/listRoutes.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

const FUND = JSON.parse(readFileSync(new URL('../../forms/fundsache-melden/fixtures/valid/01-minimal-verlust.json', import.meta.url), 'utf8')) as unknown;
const SUBMIT = '/api/v1/tenants/erkelenz/services/fundsache-melden/submissions';


async function send(server: StartedServer, path: string, session?: StaffSessionForTest, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: session ? session.headers() : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe('agreement API: termination (§ 3 (3))', () => {
  // A controllable clock: German time 25.11.2026 at first.
  let clock = new Date('2026-11-25T10:00:00Z');
  let server: StartedServer;
  let kreisEditor: StaffSessionForTest;
  let erkelenzStaff: StaffSessionForTest;
  beforeAll(async () => {
    server = await startServer({ now: () => clock });
    kreisEditor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    erkelenzStaff = await createStaffSession(server, 'erkelenz', 'staff');
  });
  afterAll(async () => {
    await server.close();
  });

  it('When Kommune staff try to record a termination, then 403 FORBIDDEN and nothing is recorded', async () => {
    const response = await send(server, '/api/v1/staff/terminations', erkelenzStaff, { method: 'POST', body: { tenant: 'erkelenz', noticeDate: '2026-06-30' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('FORBIDDEN');
    expect(await server.deps.storage.agreement.getTermination('erkelenz')).toBeUndefined();
  });

  it('When a notice is invalid (future date, the Kreis, unknown tenant), then 422 INVALID_TERMINATION names the field', async () => {
    for (const [body, pointer] of [
      [{ tenant: 'erkelenz', noticeDate: '2026-11-26' }, '/noticeDate'],
      [{ tenant: 'erkelenz', noticeDate: '2026-02-29' }, '/noticeDate'],
      [{ tenant: 'kreis-heinsberg', noticeDate: '2026-06-30' }, '/tenant'],
      [{ tenant: 'atlantis', noticeDate: '2026-06-30' }, '/tenant'],
    ] as const) {
      const response = await send(server, '/api/v1/staff/terminations', kreisEditor, { method: 'POST', body });
      expect(response.status).toBe(422);
      const error = (await response.json()) as { code: string; errors: { pointer: string }[] };
      expect(error.code).toBe('INVALID_TERMINATION');
      expect(error.errors.map((entry) => entry.pointer)).toEqual([pointer]);
    }
  });

  it('When a citizen submits before the termination, then it is accepted', async () => {
    const response = await send(server, SUBMIT, undefined, { method: 'POST', body: FUND });
    expect(response.status).toBe(201);
  });

  it('When notice was received on 30 June 2026, then the end date is 31 December 2026 and submissions are still taken until then', async () => {
    const response = await send(server, '/api/v1/staff/terminations', kreisEditor, { method: 'POST', body: { tenant: 'erkelenz', noticeDate: '2026-06-30' } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      tenant: 'erkelenz',
      noticeDate: '2026-06-30',
      endsOn: '2026-12-31',
      recordedBy: kreisEditor.user.id,
      recordedAt: clock.toISOString(),
    });
    const again = await send(server, '/api/v1/staff/terminations', kreisEditor, { method: 'POST', body: { tenant: 'erkelenz', noticeDate: '2026-07-01' } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('TERMINATION_EXISTS');

    // 31.12.2026 23:30 German time (22:30 UTC): the last day, still open.
    clock = new Date('2026-12-31T22:30:00Z');
    const tenants = (await (await send(server, '/api/v1/tenants')).json()) as { items: { slug: string; acceptsSubmissions: boolean; endsOn: string | null }[] };
    expect(tenants.items.find((tenant) => tenant.slug === 'erkelenz')).toMatchObject({ acceptsSubmissions: true, endsOn: '2026-12-31', closedMessage: null });
    expect(tenants.items.find((tenant) => tenant.slug === 'gangelt')).toMatchObject({ acceptsSubmissions: true, endsOn: null });
    expect((await send(server, SUBMIT, undefined, { method: 'POST', body: FUND })).status).toBe(201);
  });

  it('When the end date has passed (1 January 2027, 00:30 German time), then new submissions get 410 PARTICIPANT_TERMINATED with a German notice', async () => {
    clock = new Date('2026-12-31T23:30:00Z');
    const response = await send(server, SUBMIT, undefined, { method: 'POST', body: FUND });
    expect(response.status).toBe(410);
    const expectedNotice =
      'Das Serviceportal Stadt Erkelenz nimmt seit dem 01.01.2027 keine Anträge mehr an. Die Stadt Erkelenz ist zum 31.12.2026 ' +
      'aus dem gemeinsamen Serviceportal des Kreises Heinsberg ausgeschieden. Bitte wenden Sie sich direkt an die Stadt Erkelenz.';
    expect(await response.json()).toEqual({
      code: 'PARTICIPANT_TERMINATED',
      message: 'Participant erkelenz left the agreement on 2026-12-31; its portal takes no new submissions.',
      errors: [{ pointer: '', message: expectedNotice }],
    });
    const service = (await (await send(server, '/api/v1/tenants/erkelenz/services/fundsache-melden')).json()) as Record<string, unknown>;
    expect(service).toMatchObject({ id: 'fundsache-melden', acceptsSubmissions: false, endsOn: '2026-12-31', closedMessage: expectedNotice });
    const services = (await (await send(server, '/api/v1/tenants/erkelenz/services')).json()) as Record<string, unknown>;
    expect(services).toMatchObject({ acceptsSubmissions: false, endsOn: '2026-12-31' });
    // Other participants are unaffected.
    expect((await send(server, '/api/v1/tenants/geilenkirchen/services/fundsache-melden/submissions', undefined, { method: 'POST', body: FUND })).status).toBe(201);
  });

  it('When the portal is closed, then its staff can still list and export their submissions', async () => {
    const staff = await createStaffSession(server, 'erkelenz', 'staff'); // the earlier session expired with the clock
    const list = await send(server, '/api/v1/staff/submissions', staff);
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { service: string }[]; total: number };
    expect(body.total).toBe(2);
    const exported = await send(server, '/api/v1/staff/exports/fundsache-melden/1.0.0', staff);
    expect(exported.status).toBe(200);
    expect((await exported.text()).length).toBeGreaterThan(0);
  });

  it('When the Kreis asks for the termination report, then Erkelenz is ended and the others active', async () => {
    const editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    const response = await send(server, '/api/v1/staff/reports/terminations', editor);
    expect(response.status).toBe(200);
    const report = (await response.json()) as { today: string; items: { tenant: string; status: string; acceptsSubmissions: boolean }[] };
    expect(report.today).toBe('2027-01-01');
    expect(report.items).toHaveLength(11);
    expect(report.items.find((entry) => entry.tenant === 'erkelenz')).toMatchObject({ status: 'ended', acceptsSubmissions: false, noticeDate: '2026-06-30', endsOn: '2026-12-31' });
    expect(report.items.filter((entry) => entry.status === 'active')).toHaveLength(10);
  });

  it('When a Kreis admin withdraws a termination recorded in error, then the portal takes submissions again; an editor may not', async () => {
    const editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    expect((await send(server, '/api/v1/staff/terminations/erkelenz', editor, { method: 'DELETE' })).status).toBe(403);
    const admin = await createStaffSession(server, 'kreis-heinsberg', 'admin');
    expect((await send(server, '/api/v1/staff/terminations/erkelenz', admin, { method: 'DELETE' })).status).toBe(204);
    expect((await send(server, '/api/v1/staff/terminations/erkelenz', admin, { method: 'DELETE' })).status).toBe(404);
    expect((await send(server, SUBMIT, undefined, { method: 'POST', body: FUND })).status).toBe(201);
    const audit = await server.deps.storage.audit.list({ tenant: 'erkelenz', action: 'agreement.termination_withdrawn' });
    expect(audit).toHaveLength(1);
  });
});

describe('agreement API: reports and costs (§ 2 (2))', () => {
  let server: StartedServer;
  let editor: StaffSessionForTest;
  beforeAll(async () => {
    server = await startServer({ now: () => new Date('2026-11-25T10:00:00Z') });
    editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
  });
  afterAll(async () => {
    await server.close();
  });

  const reportPaths = ['/api/v1/staff/reports/costs?year=2025', '/api/v1/staff/reports/costs.csv?year=2025', '/api/v1/staff/reports/participation', '/api/v1/staff/reports/terminations', '/api/v1/staff/reports/usage?year=2025', '/api/v1/staff/population'];

  it('When nobody is signed in, then the reports answer 401', async () => {
    for (const path of reportPaths) expect((await send(server, path)).status, path).toBe(401);
  });

  it('When Kommune staff, a Kommune admin or Kreis staff ask for the reports, then 403 FORBIDDEN', async () => {
    for (const [tenant, role] of [['erkelenz', 'staff'], ['erkelenz', 'admin'], ['erkelenz', 'editor'], ['kreis-heinsberg', 'staff']] as const) {
      const session = await createStaffSession(server, tenant, role);
      for (const path of reportPaths) expect((await send(server, path, session)).status, `${tenant} ${role} ${path}`).toBe(403);
      const put = await send(server, '/api/v1/staff/services/fundsache-melden/costs/2025', session, { method: 'PUT', body: { amountCents: 1 } });
      expect(put.status).toBe(403);
    }
  });

  it('When the year is missing or malformed, then 400 INVALID_QUERY', async () => {
    for (const query of ['', '?year=25', '?year=1999', '?year=2025.5']) {
      const response = await send(server, `/api/v1/staff/reports/costs${query}`, editor);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('INVALID_QUERY');
    }
  });

  it('When a cost is invalid or the service unknown, then 422 INVALID_COST or 404, nothing stored', async () => {
    for (const body of [{ amountCents: -1 }, { amountCents: 1.5 }, { amountCents: '100' }, {}]) {
      const response = await send(server, '/api/v1/staff/services/fundsache-melden/costs/2025', editor, { method: 'PUT', body });
      expect(response.status).toBe(422);
      expect(((await response.json()) as { code: string }).code).toBe('INVALID_COST');
    }
    expect((await send(server, '/api/v1/staff/services/fundsache-melden/costs/1999', editor, { method: 'PUT', body: { amountCents: 1 } })).status).toBe(422);
    expect((await send(server, '/api/v1/staff/services/gibt-es-nicht/costs/2025', editor, { method: 'PUT', body: { amountCents: 1 } })).status).toBe(404);
    expect(await server.deps.storage.agreement.listCosts(2025)).toEqual([]);
  });

  it('When a Kreis editor enters the costs of a Kreis service, then the 2025 report splits them by each Kommune\'s own reference-date figure', async () => {
    const put = await send(server, '/api/v1/staff/services/fundsache-melden/costs/2025', editor, { method: 'PUT', body: { amountCents: 1_000_000 } });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ service: 'fundsache-melden', year: 2025, amountCents: 1_000_000, updatedBy: editor.user.id });

    const response = await send(server, '/api/v1/staff/reports/costs?year=2025', editor);
    expect(response.status).toBe(200);
    const report = (await response.json()) as { year: number; provisional: boolean; services: { service: string; kind: string; shares?: Share[]; amountCents: number | null }[] };
    expect(report.year).toBe(2025);
    const fund = report.services.find((entry) => entry.service === 'fundsache-melden');
    expect(fund?.kind).toBe('split');
    const shares = fund?.shares ?? [];
    expect(shares.length).toBeGreaterThan(1);
    for (const share of shares) {
      // Each Kommune's figure is from 30 June of the year before its own agreement, with its source.
      expect(share.referenceDate).toBe(getReferenceDate(share.agreedOn));
      expect(share.source).toMatch(/^Demo-Fortschreibung \(nicht amtlich\)/);
      expect(share.official).toBe(false);
    }
    expect(new Set(shares.map((share) => share.referenceDate)).size).toBeGreaterThan(1);
    // The cents are exactly the largest-remainder split of the shown figures and sum to the total.
    expect(shares.map((share) => share.shareCents)).toEqual(
      splitLargestRemainder(1_000_000, shares.map((share) => ({ id: share.tenant, weight: share.population }))),
    );
    expect(shares.reduce((sum, share) => sum + share.shareCents, 0)).toBe(1_000_000);
    expect(report.provisional).toBe(true);
    // A service led by Kommunen is not split by the Kreis.
    expect(report.services.find((entry) => entry.service === 'hundesteuer-anmeldung')?.kind).toBe('kommunen-lead');

    const csv = await send(server, '/api/v1/staff/reports/costs.csv?year=2025', editor);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="kostenverteilung-2025.csv"');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('year,service,basis,participant,municipalityKey,population,referenceDate,source,official,shareCents,costCents');
    expect(lines.filter((line) => line.startsWith('2025,fundsache-melden,split,'))).toHaveLength(shares.length);
  });

  it('When a Kommune agrees in 2027, then the 2027 report names the missing table 2026-06-30 and the CSV answers 409', async () => {
    await server.deps.storage.enablements.save(
      { tenant: 'gangelt', service: 'fundsache-melden', enabled: true, versionPolicy: '^1', agreedOn: '2027-01-15', changedBy: 'test', changedAt: '2027-01-15T09:00:00Z' },
      { tenant: 'gangelt', actor: 'test', action: 'enablement.changed', subject: 'fundsache-melden' },
    );
    const report = (await (await send(server, '/api/v1/staff/reports/costs?year=2027', editor)).json()) as { services: { service: string; kind: string; message?: string }[] };
    const fund = report.services.find((entry) => entry.service === 'fundsache-melden');
    expect(fund).toMatchObject({ kind: 'population-missing' });
    expect(fund?.message).toContain('no population table for reference date 2026-06-30');
    const csv = await send(server, '/api/v1/staff/reports/costs.csv?year=2027', editor);
    expect(csv.status).toBe(409);
    const error = (await csv.json()) as { code: string; message: string };
    expect(error.code).toBe('POPULATION_TABLE_MISSING');
    expect(error.message).toContain('2026-06-30');
  });

  it('When the Kreis imports the official table for 2026-06-30, then bad lines are refused per line and a good file completes the split', async () => {
    const bad = await send(server, '/api/v1/staff/population/imports', editor, {
      method: 'POST',
      body: { format: 'csv', content: 'ags;einwohner;stichtag;quelle;amtlich\n05370008;13.000;2026-06-30;IT.NRW;ja\n05370099;1;2026-06-30;IT.NRW;ja\n' },
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      code: 'INVALID_POPULATION_IMPORT',
      errors: [
        { pointer: 'line 2', message: 'population must be a positive whole number (digits only, no thousands separators), got "13.000"' },
        { pointer: 'line 3', message: expect.stringContaining('unknown municipality key "05370099"') },
      ],
    });
    const keys = ['05370004', '05370008', '05370012', '05370016', '05370020', '05370024', '05370028', '05370032', '05370036', '05370040'];
    const content = ['ags;einwohner;stichtag;quelle;amtlich', ...keys.map((key, index) => `${key};${20000 + index};2026-06-30;IT.NRW Tabelle 12411-01;ja`)].join('\n');
    const good = await send(server, '/api/v1/staff/population/imports', editor, { method: 'POST', body: { format: 'csv', content } });
    expect(good.status).toBe(201);
    expect(await good.json()).toEqual({ written: 10, referenceDates: [{ referenceDate: '2026-06-30', figures: 10, official: true }] });
    const tables = (await (await send(server, '/api/v1/staff/population', editor)).json()) as { items: { referenceDate: string; official: boolean; complete: boolean }[] };
    expect(tables.items[0]).toMatchObject({ referenceDate: '2026-06-30', official: true, complete: true });
    expect(tables.items.map((table) => table.referenceDate)).toEqual(['2026-06-30', '2025-06-30', '2024-06-30', '2023-06-30', '2022-06-30', '2022-05-15', '2021-06-30', '2020-06-30', '2014-06-30']);
    const report = (await (await send(server, '/api/v1/staff/reports/costs?year=2027', editor)).json()) as { services: { service: string; kind: string; shares?: Share[] }[] };
    const gangelt = report.services.find((entry) => entry.service === 'fundsache-melden')?.shares?.find((share) => share.tenant === 'gangelt');
    // Costs for 2027 are not entered yet, so the service waits for its cost; set them and look again.
    expect(report.services.find((entry) => entry.service === 'fundsache-melden')?.kind).toBe('cost-missing');
    expect(gangelt).toBeUndefined();
    await send(server, '/api/v1/staff/services/fundsache-melden/costs/2027', editor, { method: 'PUT', body: { amountCents: 500_000 } });
    const split = (await (await send(server, '/api/v1/staff/reports/costs?year=2027', editor)).json()) as { services: { service: string; kind: string; shares?: Share[] }[] };
    expect(split.services.find((entry) => entry.service === 'fundsache-melden')?.shares?.find((share) => share.tenant === 'gangelt')).toMatchObject({
      referenceDate: '2026-06-30',
      population: 20001,
      source: 'IT.NRW Tabelle 12411-01',
      official: true,
    });
  });

  it('When the OpenAPI document is fetched, then every agreement route is described', async () => {
    const document = (await (await send(server, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const mine = listRoutes(server.app).filter(
      (route) => /\/staff\/(reports|services\/|terminations|population|interfaces|usage)/.test(route.path) || route.path.endsWith('/payment'),
    );
    expect(mine.length).toBe(17); // 14 agreement routes + the payment report (JSON, CSV) and GET of a submission's payment (issue 16)
    for (const route of mine) expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
  });

  it('When the participation matrix is asked for, then each service row has its lead and one cell per participant', async () => {
    const response = await send(server, '/api/v1/staff/reports/participation', editor);
    expect(response.status).toBe(200);
    const matrix = (await response.json()) as {
      participants: { tenant: string }[];
      services: { service: string; lead: { kind: string }; kommunenCount: number; cells: { tenant: string; offered: boolean; agreedOn: string | null }[] }[];
    };
    expect(matrix.participants.map((participant) => participant.tenant)).toHaveLength(11);
    const fund = matrix.services.find((row) => row.service === 'fundsache-melden');
    expect(fund?.lead).toEqual({ kind: 'kreis' });
    expect(fund?.cells).toHaveLength(11);
    expect(fund?.cells.find((cell) => cell.tenant === 'gangelt')).toEqual({ tenant: 'gangelt', offered: true, agreedOn: '2027-01-15' });
    expect(fund?.kommunenCount).toBe(fund?.cells.filter((cell) => cell.tenant !== 'kreis-heinsberg' && cell.offered).length);
  });
});

describe("agreement API: a participant's own costs (§ 2 (1))", () => {
  let server: StartedServer;
  let erkelenz: StaffSessionForTest;
  let gangelt: StaffSessionForTest;
  beforeAll(async () => {
    server = await startServer({ now: () => new Date('2026-11-25T10:00:00Z') });
    erkelenz = await createStaffSession(server, 'erkelenz', 'staff');
    gangelt = await createStaffSession(server, 'gangelt', 'staff');
  });
  afterAll(async () => {
    await server.close();
  });

  it('When Kommune staff record their interfaces, then they see them in their usage report and other Kommunen do not', async () => {
    const bad = await send(server, '/api/v1/staff/interfaces', erkelenz, { method: 'PUT', body: { interfaces: [{ name: '', kind: 'fax', since: '2025-13-01' }] } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { pointer: string }[] }).errors.map((entry) => entry.pointer)).toEqual(['/interfaces/0/name', '/interfaces/0/kind', '/interfaces/0/since']);
    const interfaces = [
      { name: 'FIT-Connect an Fachverfahren Gewerbe', kind: 'fit-connect', since: '2025-03-01' },
      { name: 'E-Mail an Bürgerbüro', kind: 'email', since: '2027-01-01' },
    ];
    const put = await send(server, '/api/v1/staff/interfaces', erkelenz, { method: 'PUT', body: { interfaces } });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ tenant: 'erkelenz', interfaces });
    expect(await (await send(server, '/api/v1/staff/interfaces', gangelt)).json()).toEqual({ tenant: 'gangelt', interfaces: [] });
    const usage = await (await send(server, '/api/v1/staff/usage?year=2026', erkelenz)).json();
    expect(usage).toEqual({ tenant: 'erkelenz', year: 2026, payments: { count: 0, sumCents: 0, byProvider: [] }, interfaces: [interfaces[0]] });
  });

  it("When a payment is recorded for a submission, then it counts in the year's usage; another Kommune's submission is 404", async () => {
    const created = (await (await send(server, SUBMIT, undefined, { method: 'POST', body: FUND })).json()) as { id: string };
    const other = await send(server, `/api/v1/staff/submissions/${created.id}/payment`, gangelt, { method: 'POST', body: { amountCents: 1000, provider: 'epaybl' } });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { code: string }).code).toBe('SUBMISSION_NOT_FOUND');
    const invalid = await send(server, `/api/v1/staff/submissions/${created.id}/payment`, erkelenz, { method: 'POST', body: { amountCents: 0, provider: 'E PayBL' } });
    expect(invalid.status).toBe(422);
    const paid = await send(server, `/api/v1/staff/submissions/${created.id}/payment`, erkelenz, { method: 'POST', body: { amountCents: 1250, provider: 'epaybl' } });
    expect(paid.status).toBe(201);
    expect(await paid.json()).toEqual({
      submissionId: created.id,
      tenant: 'erkelenz',
      service: 'fundsache-melden',
      amountCents: 1250,
      provider: 'epaybl',
      paidAt: '2026-11-25T10:00:00.000Z',
      recordedBy: erkelenz.user.id,
    });
    expect((await send(server, `/api/v1/staff/submissions/${created.id}/payment`, erkelenz, { method: 'POST', body: { amountCents: 1250, provider: 'epaybl' } })).status).toBe(409);
    const usage = (await (await send(server, '/api/v1/staff/usage?year=2026', erkelenz)).json()) as { payments: unknown };
    expect(usage.payments).toEqual({ count: 1, sumCents: 1250, byProvider: [{ provider: 'epaybl', count: 1, sumCents: 1250 }] });
    const nextYear = (await (await send(server, '/api/v1/staff/usage?year=2027', erkelenz)).json()) as { payments: unknown };
    expect(nextYear.payments).toEqual({ count: 0, sumCents: 0, byProvider: [] });
  });

  it("When the Kreis asks for the usage overview, then every participant's payments and interfaces of the year are listed", async () => {
    expect((await send(server, '/api/v1/staff/reports/usage?year=2026', erkelenz)).status).toBe(403);
    const editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    const overview = (await (await send(server, '/api/v1/staff/reports/usage?year=2026', editor)).json()) as {
      year: number;
      items: { tenant: string; payments: { count: number; sumCents: number }; interfaces: unknown[] }[];
    };
    expect(overview.year).toBe(2026);
    expect(overview.items).toHaveLength(11);
    expect(overview.items.find((entry) => entry.tenant === 'erkelenz')).toMatchObject({ payments: { count: 1, sumCents: 1250 }, interfaces: [{ kind: 'fit-connect' }] });
    expect(overview.items.find((entry) => entry.tenant === 'gangelt')).toMatchObject({ payments: { count: 0, sumCents: 0 }, interfaces: [] });
  });
});

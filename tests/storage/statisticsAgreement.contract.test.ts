import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { insertSubmissionRow, openSeededTestStorage, publishService } from './contractFixtures.ts';

const audit = (tenant: string | null, action: string) => ({ tenant, actor: 'kreis-admin', action, subject: null });

describe.each(BACKENDS)('statistics and agreement data on %s', (backend) => {
  let opened: TestStorage;
  let erkelenzSubmission: string;
  beforeAll(async () => {
    opened = await openSeededTestStorage(backend);
    await publishService(opened.storage, 'hund');
    await publishService(opened.storage, 'wohngeld');
    const s = opened.storage;
    erkelenzSubmission = await insertSubmissionRow(s, { tenant: 'erkelenz', service: 'hund', version: '1.0.0', receivedAt: '2026-02-01T09:15:00.000Z' });
    await insertSubmissionRow(s, { tenant: 'erkelenz', service: 'hund', version: '1.0.0', receivedAt: '2026-02-01T09:45:00.000Z' });
    await insertSubmissionRow(s, { tenant: 'erkelenz', service: 'hund', version: '1.0.0', status: 'abgeschlossen', receivedAt: '2026-02-01T09:50:00.000Z' });
    await insertSubmissionRow(s, { tenant: 'erkelenz', service: 'wohngeld', version: '1.0.0', receivedAt: '2026-02-01T08:05:00.000Z' });
    await insertSubmissionRow(s, { tenant: 'wegberg', service: 'hund', version: '1.0.0', receivedAt: '2026-02-01T09:05:00.000Z' });
    await insertSubmissionRow(s, { tenant: 'wegberg', service: 'hund', version: '1.0.0', receivedAt: '2026-02-02T00:00:00.000Z' });
    await insertSubmissionRow(s, { tenant: 'wegberg', service: 'hund', version: '1.0.0', receivedAt: '2026-01-31T23:59:59.999Z' });
  });
  afterAll(() => opened.dispose());

  it('When submissions are counted, then they are grouped by participant, service, status and UTC hour within [from, to)', async () => {
    const range = { from: '2026-02-01T00:00:00.000Z', to: '2026-02-02T00:00:00.000Z' };
    const all = await opened.storage.statistics.countSubmissions(range);
    expect(all).toEqual([
      { tenant: 'erkelenz', service: 'wohngeld', status: 'eingegangen', hour: '2026-02-01T08', count: 1 },
      { tenant: 'erkelenz', service: 'hund', status: 'abgeschlossen', hour: '2026-02-01T09', count: 1 },
      { tenant: 'erkelenz', service: 'hund', status: 'eingegangen', hour: '2026-02-01T09', count: 2 },
      { tenant: 'wegberg', service: 'hund', status: 'eingegangen', hour: '2026-02-01T09', count: 1 },
    ]);
    expect(await opened.storage.statistics.countSubmissions({ ...range, tenant: 'wegberg' })).toEqual([
      { tenant: 'wegberg', service: 'hund', status: 'eingegangen', hour: '2026-02-01T09', count: 1 },
    ]);
    expect(await opened.storage.statistics.countSubmissions({ ...range, tenant: 'heinsberg' })).toEqual([]);
  });

  it('When population figures are saved, then an import replaces figures and seeding keeps them', async () => {
    const { agreement, audit: trail } = opened.storage;
    const figure = { referenceDate: '2024-12-31', municipalityKey: '05370004', population: 44000, source: 'demo', official: false };
    expect(await agreement.savePopulation([figure, { ...figure, municipalityKey: '05370040', population: 28000 }], 'seed', { overwrite: false })).toBe(2);
    expect(await agreement.savePopulation([{ ...figure, population: 1 }], 'seed', { overwrite: false })).toBe(0);
    expect(await agreement.savePopulation([{ ...figure, population: 44123, source: 'IT.NRW', official: true }], 'kreis-admin', { overwrite: true, audit: audit(null, 'population.imported') })).toBe(1);
    const listed = await agreement.listPopulation();
    expect(listed.map((f) => [f.municipalityKey, f.population, f.official, f.importedBy])).toEqual([
      ['05370004', 44123, true, 'kreis-admin'],
      ['05370040', 28000, false, 'seed'],
    ]);
    expect((await trail.list({ action: 'population.imported' }))[0]?.details).toEqual({ written: 1 });
  });

  it('When service costs are saved, then the year lists them once per service', async () => {
    const { agreement } = opened.storage;
    const cost = { service: 'wohngeld', year: 2026, amountCents: 1_250_000, updatedAt: '2026-01-05T00:00:00.000Z', updatedBy: 'k' };
    expect(await agreement.saveCost(cost, audit(null, 'cost.set'))).toEqual(cost);
    await agreement.saveCost({ ...cost, service: 'hund', amountCents: 99 }, audit(null, 'cost.set'));
    await agreement.saveCost({ ...cost, amountCents: 1_300_000 }, audit(null, 'cost.set'));
    expect((await agreement.listCosts(2026)).map((c) => [c.service, c.amountCents])).toEqual([['hund', 99], ['wohngeld', 1_300_000]]);
    expect(await agreement.listCosts(2025)).toEqual([]);
  });

  it('When terminations are recorded and withdrawn, then each participant has at most one', async () => {
    const { agreement } = opened.storage;
    const termination = { tenant: 'wegberg', noticeDate: '2026-06-30', endsOn: '2027-12-31', recordedBy: 'k', recordedAt: '2026-06-30T10:00:00.000Z' };
    expect(await agreement.createTermination(termination, audit('wegberg', 'termination.recorded'))).toBe('created');
    expect(await agreement.createTermination({ ...termination, endsOn: '2028-12-31' }, audit('wegberg', 'termination.recorded'))).toBe('exists');
    expect(await agreement.createTermination({ ...termination, tenant: 'erkelenz' }, audit('erkelenz', 'termination.recorded'))).toBe('created');
    expect(await agreement.getTermination('wegberg')).toEqual(termination);
    expect(await agreement.getTermination('heinsberg')).toBeUndefined();
    expect((await agreement.listTerminations()).map((t) => t.tenant)).toEqual(['erkelenz', 'wegberg']);
    expect(await agreement.deleteTermination('erkelenz', audit('erkelenz', 'termination.withdrawn'))).toBe(true);
    expect(await agreement.deleteTermination('erkelenz', audit('erkelenz', 'termination.withdrawn'))).toBe(false);
    expect((await agreement.listTerminations()).map((t) => t.tenant)).toEqual(['wegberg']);
  });

  it("When interfaces are replaced, then only that participant's list changes", async () => {
    const { agreement } = opened.storage;
    await agreement.replaceInterfaces('erkelenz', [{ name: 'XTA Poststelle', kind: 'xta', since: '2026-01-01' }, { name: 'Alpha', kind: 'custom', since: '2026-01-01' }, { name: 'FIT', kind: 'fit-connect', since: '2025-05-01' }], 'k', audit('erkelenz', 'interfaces.changed'));
    await agreement.replaceInterfaces('wegberg', [{ name: 'Mail', kind: 'email', since: '2024-01-01' }], 'k', audit('wegberg', 'interfaces.changed'));
    expect(await agreement.listInterfaces('erkelenz')).toEqual([
      { name: 'FIT', kind: 'fit-connect', since: '2025-05-01' },
      { name: 'Alpha', kind: 'custom', since: '2026-01-01' },
      { name: 'XTA Poststelle', kind: 'xta', since: '2026-01-01' },
    ]);
    await agreement.replaceInterfaces('erkelenz', [], 'k', audit('erkelenz', 'interfaces.changed'));
    expect(await agreement.listInterfaces('erkelenz')).toEqual([]);
    expect(await agreement.listInterfaces('wegberg')).toHaveLength(1);
  });

  it("When payments are recorded, then a foreign participant's submission is not found and a second payment exists", async () => {
    const { agreement } = opened.storage;
    const payment = { submissionId: erkelenzSubmission, tenant: 'erkelenz', amountCents: 2500, provider: 'epay', paidAt: '2026-02-01T09:20:00.000Z', recordedBy: 'system' };
    expect(await agreement.recordPayment({ ...payment, tenant: 'wegberg' }, audit('wegberg', 'payment.recorded'))).toBe('no-submission');
    expect(await agreement.recordPayment({ ...payment, submissionId: 'missing' }, audit('erkelenz', 'payment.recorded'))).toBe('no-submission');
    expect(await agreement.recordPayment(payment, audit('erkelenz', 'payment.recorded'))).toEqual({ ...payment, service: 'hund' });
    expect(await agreement.recordPayment({ ...payment, amountCents: 1 }, audit('erkelenz', 'payment.recorded'))).toBe('exists');
    expect(await agreement.sumPayments('erkelenz', '2026-01-01', '2027-01-01')).toEqual([{ provider: 'epay', count: 1, sumCents: 2500 }]);
    expect(await agreement.sumPayments('erkelenz', '2027-01-01', '2028-01-01')).toEqual([]);
    expect(await agreement.sumPayments('wegberg', '2026-01-01', '2027-01-01')).toEqual([]);
  });
});

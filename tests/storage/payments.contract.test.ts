import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../server/storage/AuditRepository.ts';
import type { ConfirmedPayment, PendingPayment, ProviderConfig } from '../../server/storage/PaymentRepository.ts';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { A, B, OTHER_SERVICE, SERVICE, createSubmission, newSubmission, openSecondProcess, openSubmissionStorage } from './submissionFixtures.ts';

const audit = (tenant: string, action: string): AuditEventInput => ({ tenant, actor: 'user-1', action, subject: null });

function pending(id: string, overrides: Partial<PendingPayment> = {}): PendingPayment {
  return {
    id,
    tenant: A.slug,
    service: SERVICE,
    version: '1.0.0',
    data: { name: 'Erika Mustermann' },
    amountCents: 2500,
    provider: 'xbezahldienste',
    transactionId: undefined,
    paypageUrl: undefined,
    status: 'open',
    submissionId: undefined,
    reference: undefined,
    providerReference: undefined,
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    expiresAt: '2026-05-01T11:00:00.000Z',
    ...overrides,
  };
}

function confirmed(submissionId: string, overrides: Partial<ConfirmedPayment> = {}): ConfirmedPayment {
  return {
    submissionId,
    reference: 'REF',
    service: SERVICE,
    transactionId: 'tx-1',
    providerReference: 'prov-1',
    amountCents: 2500,
    paidAt: '2026-05-01T10:30:00.000Z',
    transactionCostCents: 63,
    ...overrides,
  };
}

describe.each(BACKENDS)('payments on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSubmissionStorage(backend);
  });
  afterAll(() => opened.dispose());
  const payments = () => opened.storage.payments;

  it('When fee schedules are saved, replaced and removed, then each participant sees only its own, with audit events', async () => {
    const at = '2026-05-01T09:00:00.000Z';
    await payments().saveFeeSchedule(A.slug, SERVICE, { baseCents: 1000, unitCents: 250 }, 'editor-1', at, audit(A.slug, 'fee_schedule.saved'));
    await payments().saveFeeSchedule(A.slug, SERVICE, { baseCents: 1200, optionCents: { eilig: 500 } }, 'editor-1', at, audit(A.slug, 'fee_schedule.saved'));
    await payments().saveFeeSchedule(A.slug, OTHER_SERVICE, { baseCents: 300 }, 'editor-1', at, audit(A.slug, 'fee_schedule.saved'));
    expect(await payments().getFeeSchedule(A.slug, SERVICE)).toEqual({ baseCents: 1200, optionCents: { eilig: 500 } });
    expect(await payments().getFeeSchedule(B.slug, SERVICE)).toBeUndefined();
    expect(await payments().listFeeSchedules(A.slug)).toEqual([
      { service: OTHER_SERVICE, schedule: { baseCents: 300 }, updatedAt: at },
      { service: SERVICE, schedule: { baseCents: 1200, optionCents: { eilig: 500 } }, updatedAt: at },
    ]);
    await payments().saveFeeSchedule(A.slug, OTHER_SERVICE, null, 'editor-1', at, audit(A.slug, 'fee_schedule.saved'));
    expect(await payments().getFeeSchedule(A.slug, OTHER_SERVICE)).toBeUndefined();
    expect(await payments().listFeeSchedules(B.slug)).toEqual([]);
    expect(await opened.storage.audit.list({ tenant: A.slug, action: 'fee_schedule.saved' })).toHaveLength(4);
  });

  it('When a provider is saved twice, then the latest configuration is stored per participant; the return key exists', async () => {
    const config: ProviderConfig = {
      tenant: A.slug,
      kind: 'xbezahldienste',
      baseUrl: 'https://pay.example.org',
      originatorId: 'orig',
      endPointId: 'end',
      clientId: 'client',
      clientSecret: 'secret-1',
      fixedCostCents: 25,
      percentBasisPoints: 150,
      updatedBy: 'admin-1',
      updatedAt: '2026-05-01T09:00:00.000Z',
    };
    await payments().saveProvider(config, audit(A.slug, 'payment_provider.saved'));
    await payments().saveProvider({ ...config, clientSecret: 'secret-2', percentBasisPoints: 200 }, audit(A.slug, 'payment_provider.saved'));
    expect(await payments().getProvider(A.slug)).toEqual({ ...config, clientSecret: 'secret-2', percentBasisPoints: 200 });
    expect(await payments().getProvider(B.slug)).toBeUndefined();
    const key = await payments().getReturnKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await payments().getReturnKey()).toBe(key);
  });

  it('When a pending payment is paid by two confirmations at once, then the payment is recorded once and the answers are cleared', async () => {
    const submission = await createSubmission(opened.storage, newSubmission(A));
    await payments().createPending(pending('p-1'));
    await payments().attachTransaction('p-1', 'tx-1', 'https://pay.example.org/page/1', '2026-05-01T10:01:00.000Z');
    expect(await payments().getPending('p-1')).toMatchObject({ status: 'open', data: { name: 'Erika Mustermann' }, transactionId: 'tx-1', paypageUrl: 'https://pay.example.org/page/1', submissionId: undefined });
    const second = await openSecondProcess(opened, backend);
    try {
      const payment = confirmed(submission.id, { reference: submission.reference });
      const results = await Promise.all([
        payments().completePaid('p-1', payment, A.slug, audit(A.slug, 'payment.paid')),
        second.storage.payments.completePaid('p-1', payment, A.slug, audit(A.slug, 'payment.paid')),
      ]);
      expect(results.sort()).toEqual(['already', 'done']);
    } finally {
      await second.dispose();
    }
    expect(await payments().getPending('p-1')).toMatchObject({ status: 'paid', data: undefined, submissionId: submission.id, reference: submission.reference, providerReference: 'prov-1' });
    expect(await opened.storage.audit.list({ tenant: A.slug, action: 'payment.paid' })).toHaveLength(1);
    const listed = await payments().listForSubmissions(A.slug, [submission.id, 'unknown']);
    expect([...listed.keys()]).toEqual([submission.id]);
    expect(listed.get(submission.id)).toEqual({
      submissionId: submission.id,
      amountCents: 2500,
      provider: 'xbezahldienste',
      providerReference: 'prov-1',
      transactionId: 'tx-1',
      paidAt: '2026-05-01T10:30:00.000Z',
      transactionCostCents: 63,
      state: 'bezahlt',
      refundedAt: undefined,
      refundReason: undefined,
      refundSent: false,
    });
    expect((await payments().listForSubmissions(B.slug, [submission.id])).size).toBe(0);
    expect((await payments().listForSubmissions(A.slug, [])).size).toBe(0);

    // Refunds: only the participant's own payment, once; the payment outlives the erasure of its submission.
    expect(await payments().refund(B.slug, submission.id, '2026-05-02T00:00:00.000Z', 'Irrtum', true, audit(B.slug, 'payment.refunded'))).toBe('not-found');
    const refunds = await Promise.all([
      payments().refund(A.slug, submission.id, '2026-05-02T00:00:00.000Z', 'Irrtum', true, audit(A.slug, 'payment.refunded')),
      payments().refund(A.slug, submission.id, '2026-05-02T00:00:00.000Z', 'Irrtum', true, audit(A.slug, 'payment.refunded')),
    ]);
    expect(refunds.sort()).toEqual(['already', 'refunded']);
    expect(await opened.storage.audit.list({ tenant: A.slug, action: 'payment.refunded' })).toHaveLength(1);
    await opened.storage.submissions.erase(A.slug, submission.id, '2026-05-03T00:00:00.000Z', () => audit(A.slug, 'submission.erased'));
    expect((await payments().listForSubmissions(A.slug, [submission.id])).get(submission.id)).toMatchObject({
      state: 'erstattet',
      refundedAt: '2026-05-02T00:00:00.000Z',
      refundReason: 'Irrtum',
      refundSent: true,
    });
  });

  it('When payments are cancelled or expire, then open ones change once and answers are cleared after their time', async () => {
    await payments().createPending(pending('p-2'));
    await payments().createPending(pending('p-3'));
    await payments().createPending(pending('p-4', { expiresAt: '2026-05-01T13:00:00.000Z' }));
    expect(await payments().markUnpaid('p-2', 'cancelled', '2026-05-01T10:05:00.000Z', audit(A.slug, 'payment.cancelled'))).toBe(true);
    expect(await payments().markUnpaid('p-2', 'failed', '2026-05-01T10:06:00.000Z', audit(A.slug, 'payment.cancelled'))).toBe(false);
    expect(await payments().getPending('p-2')).toMatchObject({ status: 'cancelled', data: { name: 'Erika Mustermann' } });
    expect(await payments().expire('2026-05-01T12:00:00.000Z')).toBe(1);
    expect(await payments().getPending('p-2')).toMatchObject({ status: 'cancelled', data: undefined });
    expect(await payments().getPending('p-3')).toMatchObject({ status: 'expired', data: undefined, updatedAt: '2026-05-01T12:00:00.000Z' });
    expect(await payments().getPending('p-4')).toMatchObject({ status: 'open', data: { name: 'Erika Mustermann' } });
    expect(await payments().getPending('nope')).toBeUndefined();
  });

  it('When the payments report is asked for, then payments are summed per participant and service within the period', async () => {
    for (const [id, tenant, paidAt, amount] of [
      ['r-1', B, '2027-01-10T00:00:00.000Z', 1000],
      ['r-2', B, '2027-02-10T00:00:00.000Z', 1500],
      ['r-3', A, '2027-03-10T00:00:00.000Z', 700],
      ['r-4', B, '2028-01-10T00:00:00.000Z', 900],
    ] as const) {
      const submission = await createSubmission(opened.storage, newSubmission(tenant));
      await payments().createPending(pending(id, { tenant: tenant.slug }));
      expect(await payments().completePaid(id, confirmed(submission.id, { paidAt, amountCents: amount, transactionCostCents: 10 }), tenant.slug, audit(tenant.slug, 'payment.paid'))).toBe('done');
      if (id === 'r-2') await payments().refund(B.slug, submission.id, paidAt, 'x', false, audit(B.slug, 'payment.refunded'));
    }
    const report = await payments().report('2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z');
    expect(report).toEqual(
      [
        { tenant: A.slug, service: SERVICE, count: 1, amountCents: 700, transactionCostCents: 10, refundedCount: 0 },
        { tenant: B.slug, service: SERVICE, count: 2, amountCents: 2500, transactionCostCents: 20, refundedCount: 1 },
      ].sort((x, y) => (x.tenant < y.tenant ? -1 : 1)),
    );
    expect(await payments().report('2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z', B.slug)).toEqual([
      { tenant: B.slug, service: SERVICE, count: 2, amountCents: 2500, transactionCostCents: 20, refundedCount: 1 },
    ]);
  });
});

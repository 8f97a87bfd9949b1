import { createHttpError, type ErrorDetail } from '../errors.ts';
import type { Payment } from '../storage/AgreementRepository.ts';
import type { Storage } from '../storage/Storage.ts';

const PROVIDER_PATTERN = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/**
 * Records that a submission of `tenant` carried a payment (amount in cents, provider id such as 'epaybl' or
 * 'manual'), for the participant's own billing of transaction costs (§ 2 (1)). Payment providers are not
 * connected yet: until they are, payments are recorded through this use case (API or provider webhook later).
 * An unknown or other participant's submission is SUBMISSION_NOT_FOUND. Audited.
 */
export async function recordPayment(
  storage: Storage,
  tenant: string,
  submissionId: string,
  input: { amountCents: unknown; provider: unknown; paidAt?: unknown },
  actor: string,
  now: Date,
): Promise<Payment> {
  const problems: ErrorDetail[] = [];
  if (!Number.isSafeInteger(input.amountCents) || (input.amountCents as number) <= 0) {
    problems.push({ pointer: '/amountCents', message: 'amountCents must be a whole number of cents above 0' });
  }
  if (typeof input.provider !== 'string' || !PROVIDER_PATTERN.test(input.provider)) {
    problems.push({ pointer: '/provider', message: 'provider must be a short lower-case id, e.g. "epaybl" or "manual"' });
  }
  const paidAt = input.paidAt === undefined ? now.toISOString() : input.paidAt;
  if (typeof paidAt !== 'string' || Number.isNaN(Date.parse(paidAt)) || !/^\d{4}-\d{2}-\d{2}T/.test(paidAt)) {
    problems.push({ pointer: '/paidAt', message: 'paidAt must be an ISO timestamp, e.g. 2026-03-01T10:00:00Z' });
  }
  if (problems.length > 0) throw createHttpError('INVALID_PAYMENT', problems);
  const payment: Omit<Payment, 'service'> = {
    submissionId,
    tenant,
    amountCents: input.amountCents as number,
    provider: input.provider as string,
    paidAt: new Date(paidAt as string).toISOString(),
    recordedBy: actor,
  };
  const outcome = await storage.agreement.recordPayment(payment, {
    tenant,
    actor,
    action: 'agreement.payment_recorded',
    subject: submissionId,
    details: { amountCents: payment.amountCents, provider: payment.provider },
  });
  if (outcome === 'no-submission') throw createHttpError('SUBMISSION_NOT_FOUND');
  if (outcome === 'exists') throw createHttpError('PAYMENT_EXISTS');
  return outcome;
}

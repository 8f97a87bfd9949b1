import { computeTransactionCost } from '../../../engine/index.ts';
import type { AppDeps } from '../../AppDeps.ts';
import { createHttpError, HttpError } from '../../errors.ts';
import { ProviderUnavailableError, type ProviderPaymentState } from '../../payments/PaymentProvider.ts';
import type { PendingPayment } from '../../storage/PaymentRepository.ts';
import { submitForm } from '../submitForm.ts';
import { getPaymentProvider } from './getPaymentProvider.ts';
import { assertPaymentSignature } from './signPayment.ts';
import type { PaymentState } from '../../../contract/portalApi.ts';
export type { PaymentState } from '../../../contract/portalApi.ts';

/**
 * The provider's confirmation (the citizen's return to the signed redirect address, or the portal asking again):
 * checks the signature (403), then asks the provider for the status (the return itself proves nothing). PAYED with
 * our requestId and amount → the application goes through the normal submit path (Idempotency-Key from the payment's
 * id, so a duplicate confirmation answers the same reference), the payment is recorded with the participant's
 * transaction cost; CANCELED/FAILED/TIMEOUT → back to the review; INITIAL → still open. Past its expiry a payment is
 * never turned into an application (410 PAYMENT_EXPIRED; a late PAYED is audited for a refund).
 */
export async function confirmPayment(deps: AppDeps, paymentId: string, signature: unknown): Promise<PaymentState> {
  await assertPaymentSignature(deps.storage, paymentId, signature);
  const pending = await deps.storage.payments.getPending(paymentId);
  if (!pending) throw createHttpError('PAYMENT_NOT_FOUND');
  const provider = await deps.storage.payments.getProvider(pending.tenant);
  const audit = { tenant: pending.tenant, actor: 'provider', subject: pending.id };
  if (pending.status === 'expired' || (pending.status === 'open' && deps.now().toISOString() >= pending.expiresAt)) {
    await deps.storage.payments.expire(deps.now().toISOString());
    let late: ProviderPaymentState | undefined;
    try {
      late = provider && pending.transactionId !== undefined ? await getPaymentProvider(provider.kind).queryStatus(provider, pending.transactionId) : undefined;
    } catch {
      late = undefined;
    }
    if (late?.status === 'PAYED') {
      await deps.storage.audit.append({
        ...audit,
        action: 'payment.paid_after_expiry',
        details: { transactionId: pending.transactionId, amountCents: pending.amountCents, providerReference: late.transactionReference ?? null },
      });
      deps.logger.warn('payment confirmed after expiry; refund needed', { tenant: pending.tenant, paymentId: pending.id });
    }
    throw createHttpError('PAYMENT_EXPIRED');
  }
  if (pending.status !== 'open') return toState(pending);
  if (!provider || pending.transactionId === undefined) throw createHttpError('PAYMENT_PROVIDER_UNAVAILABLE');

  let state: ProviderPaymentState;
  try {
    state = await getPaymentProvider(provider.kind).queryStatus(provider, pending.transactionId);
  } catch (error) {
    if (error instanceof ProviderUnavailableError) throw createHttpError('PAYMENT_PROVIDER_UNAVAILABLE');
    throw createHttpError('PAYMENT_PROVIDER_REFUSED');
  }
  const at = deps.now().toISOString();
  if (state.status === 'INITIAL') return toState(pending);
  if (state.status !== 'PAYED') {
    await deps.storage.payments.markUnpaid(pending.id, state.status === 'CANCELED' ? 'cancelled' : 'failed', at, {
      ...audit,
      action: 'payment.not_paid',
      details: { providerStatus: state.status },
    });
    return toState((await deps.storage.payments.getPending(pending.id)) ?? pending);
  }
  if (state.requestId !== pending.id || state.amountCents !== pending.amountCents) {
    await deps.storage.payments.markUnpaid(pending.id, 'failed', at, { ...audit, action: 'payment.mismatch', details: { providerStatus: state.status } });
    throw createHttpError('PAYMENT_PROVIDER_REFUSED');
  }

  const receipt = await submitForm(deps, {
    tenant: pending.tenant,
    service: pending.service,
    body: pending.data,
    idempotencyKey: `payment:${pending.id}`,
    paidOnline: true,
  });
  const transactionCostCents = computeTransactionCost(pending.amountCents, {
    fixedCents: provider.fixedCostCents,
    percentBasisPoints: provider.percentBasisPoints,
  });
  await deps.storage.payments.completePaid(
    pending.id,
    {
      submissionId: receipt.id,
      reference: receipt.reference,
      service: pending.service,
      transactionId: pending.transactionId,
      providerReference: state.transactionReference,
      amountCents: pending.amountCents,
      paidAt: at,
      transactionCostCents,
    },
    pending.tenant,
    { ...audit, action: 'payment.confirmed', details: { submissionId: receipt.id, amountCents: pending.amountCents, transactionCostCents } },
  );
  const done = await deps.storage.payments.getPending(pending.id);
  return toState(done ?? pending);
}

/** The state for the portal; for an open payment the provider is asked once (a provider that is down leaves it open). */
export async function getPaymentState(deps: AppDeps, paymentId: string, signature: unknown): Promise<PaymentState> {
  try {
    return await confirmPayment(deps, paymentId, signature);
  } catch (error) {
    if (error instanceof HttpError && error.code === 'PAYMENT_PROVIDER_UNAVAILABLE') {
      const pending = await deps.storage.payments.getPending(paymentId);
      if (pending) return toState(pending);
    }
    if (error instanceof HttpError && error.code === 'PAYMENT_EXPIRED') {
      const pending = await deps.storage.payments.getPending(paymentId);
      if (pending) return toState(pending);
    }
    throw error;
  }
}

function toState(pending: PendingPayment): PaymentState {
  const status = ({ open: 'offen', paid: 'bezahlt', cancelled: 'abgebrochen', failed: 'fehlgeschlagen', expired: 'abgelaufen' } as const)[pending.status];
  const state: PaymentState = {
    paymentId: pending.id,
    tenant: pending.tenant,
    service: pending.service,
    status,
    amountCents: pending.amountCents,
    expiresAt: pending.expiresAt,
  };
  if (pending.reference !== undefined) state.reference = pending.reference;
  if (pending.submissionId !== undefined) state.submissionId = pending.submissionId;
  if (pending.providerReference !== undefined) state.providerReference = pending.providerReference;
  if (pending.status === 'open' && pending.paypageUrl !== undefined) state.paypageUrl = pending.paypageUrl;
  if ((pending.status === 'cancelled' || pending.status === 'failed') && pending.data !== undefined) state.data = pending.data;
  return state;
}

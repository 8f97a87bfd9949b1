import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../AppDeps.ts';
import { createHttpError } from '../../errors.ts';
import { ProviderRefusedError, ProviderUnavailableError } from '../../payments/PaymentProvider.ts';
import { assertAcceptsSubmissions } from '../assertAcceptsSubmissions.ts';
import { resolveServedService } from '../resolveServedService.ts';
import { amountDueOnline, getOnlineFee } from './getOnlineFee.ts';
import { getPaymentProvider } from './getPaymentProvider.ts';
import { signPayment } from './signPayment.ts';
import type { StartedPayment } from '../../../contract/portalApi.ts';
export type { StartedPayment } from '../../../contract/portalApi.ts';

/** How long a pending payment waits for its confirmation before it expires (answers are then discarded). */
export const PENDING_PAYMENT_TTL_MS = 60 * 60 * 1000;

export interface StartPaymentInput {
  tenant: string;
  service: string;
  body: unknown;
  /** Origin of this server as the citizen reaches it (for the signed return address), e.g. 'https://portal.example'. */
  origin: string;
}

/**
 * A chargeable application after its review: validates the answers like a submission, computes the fee from the
 * participant's schedule, keeps the answers as a pending payment ("Zahlung offen", no reference yet) and sends the
 * PaymentRequest to the participant's provider with a signed return address. A provider that is down answers
 * 503 PAYMENT_PROVIDER_UNAVAILABLE and leaves nothing open.
 */
export async function startPayment(deps: AppDeps, input: StartPaymentInput): Promise<StartedPayment> {
  const { participant, formVersion } = await resolveServedService(deps, input.tenant, input.service);
  await assertAcceptsSubmissions(deps.storage, participant.slug, deps.now());
  if (input.body === null || typeof input.body !== 'object' || Array.isArray(input.body)) throw createHttpError('INVALID_BODY');
  const result = deps.validator.validate(formVersion.definition, input.body);
  if (!result.valid) {
    throw createHttpError('VALIDATION_FAILED', result.errors.map(({ pointer, message }) => ({ pointer, message })), undefined, result.errorCount - result.errors.length);
  }
  const online = await getOnlineFee(deps, participant.slug, formVersion);
  const amountCents = amountDueOnline(online, input.body);
  if (!online?.provider || amountCents <= 0) throw createHttpError('NOT_CHARGEABLE');
  const provider = online.provider;

  const id = randomUUID();
  const now = deps.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + PENDING_PAYMENT_TTL_MS).toISOString();
  await deps.storage.payments.createPending({
    id,
    tenant: participant.slug,
    service: formVersion.id,
    version: formVersion.version,
    data: input.body,
    amountCents,
    provider: provider.kind,
    transactionId: undefined,
    paypageUrl: undefined,
    status: 'open',
    submissionId: undefined,
    reference: undefined,
    providerReference: undefined,
    createdAt: at,
    updatedAt: at,
    expiresAt,
  });
  const token = await signPayment(deps.storage, id);
  const audit = { tenant: participant.slug, actor: 'citizen', subject: id };
  try {
    const initiated = await getPaymentProvider(provider.kind).initiate(provider, {
      requestId: id,
      requestTimestamp: at,
      amountCents,
      purpose: toPurpose(`${participant.referencePrefix} ${formVersion.id}`),
      description: toDescription(`${formVersion.definition.title}, ${participant.name}`),
      redirectUrl: `${input.origin}/api/v1/payments/${id}/return?sig=${token}`,
      items: [{ id: formVersion.id.slice(0, 36), description: toDescription(formVersion.definition.title), quantity: 1, singleAmountCents: amountCents }],
    });
    await deps.storage.payments.attachTransaction(id, initiated.transactionId, initiated.paypageUrl, deps.now().toISOString());
    return { paymentId: id, token, amountCents, paypageUrl: initiated.paypageUrl, expiresAt };
  } catch (error) {
    await deps.storage.payments.markUnpaid(id, 'failed', deps.now().toISOString(), {
      ...audit,
      action: 'payment.initiation_failed',
      details: { reason: error instanceof Error ? error.name : 'unknown' },
    });
    if (error instanceof ProviderUnavailableError) {
      deps.logger.warn('payment provider unavailable', { tenant: participant.slug, provider: provider.kind });
      throw createHttpError('PAYMENT_PROVIDER_UNAVAILABLE');
    }
    if (error instanceof ProviderRefusedError) {
      deps.logger.warn('payment provider refused', { tenant: participant.slug, provider: provider.kind, code: error.errorCode ?? 'none' });
      throw createHttpError('PAYMENT_PROVIDER_REFUSED');
    }
    throw error;
  }
}

/** XBezahldienste purpose: ≤ 27 characters of letters, digits, spaces and '-'. */
function toPurpose(text: string): string {
  return text.replace(/[^\w\s-]/g, ' ').slice(0, 27).trim();
}

/** XBezahldienste description: ≤ 250 characters without markup. */
function toDescription(text: string): string {
  return text.replace(/[^\w\s,.\-\u00C0-\u017F]/g, ' ').slice(0, 250).trim();
}

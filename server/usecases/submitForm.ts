import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { SubmissionSummary } from '../storage/SubmissionRepository.ts';
import { assertAcceptsSubmissions } from './assertAcceptsSubmissions.ts';
import { getYearInGermany } from './getYearInGermany.ts';
import { amountDueOnline, getOnlineFee } from './payments/getOnlineFee.ts';
import { resolveServedService } from './resolveServedService.ts';

export interface SubmitFormInput {
  tenant: string;
  service: string;
  body: unknown;
  idempotencyKey?: string | undefined;
  /** Set only by the payment confirmation: the online payment of this chargeable application is confirmed. */
  paidOnline?: boolean;
}

/** The 201 answer to a submission. */
export interface SubmissionReceipt {
  id: string;
  reference: string;
  version: string;
  receivedAt: string;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{16,255}$/;
/** Keys are shared by all clients of a service: a predictable key (`aaaaaaaaaaaaaaaa`) would collide across citizens. */
const MIN_DISTINCT_KEY_CHARACTERS = 8;

function isRandomEnoughKey(key: string): boolean {
  return IDEMPOTENCY_KEY.test(key) && new Set(key).size >= MIN_DISTINCT_KEY_CHARACTERS;
}
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Accepts a citizen's submission: resolves the served version (404), validates the data against its schema
 * (422 with German messages per field; unknown properties such as tenant, id or status are refused by the schema),
 * and stores it durably with the next reference of the participant. With an Idempotency-Key, a retry with the same
 * body answers the first receipt without storing again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED;
 * the key of a submission erased on request is 410 SUBMISSION_ERASED (a retry never stores the erased data again).
 */
export async function submitForm(deps: AppDeps, input: SubmitFormInput): Promise<SubmissionReceipt> {
  const { participant, formVersion } = await resolveServedService(deps, input.tenant, input.service);
  let idempotency: { key: string; requestHash: string } | undefined;
  if (input.idempotencyKey !== undefined) {
    if (!isRandomEnoughKey(input.idempotencyKey)) throw createHttpError('INVALID_IDEMPOTENCY_KEY');
    idempotency = { key: input.idempotencyKey, requestHash: hashBody(input.body) };
    const earlier = await deps.storage.submissions.findByIdempotencyKey(input.tenant, input.service, idempotency.key);
    if (earlier === 'erased') throw createHttpError('SUBMISSION_ERASED');
    if (earlier) return toReplay(earlier, idempotency.requestHash);
  }
  await assertAcceptsSubmissions(deps.storage, participant.slug, deps.now());
  if (input.body === null || typeof input.body !== 'object' || Array.isArray(input.body)) throw createHttpError('INVALID_BODY');
  const result = deps.validator.validate(formVersion.definition, input.body);
  if (!result.valid) {
    throw createHttpError(
      'VALIDATION_FAILED',
      result.errors.map(({ pointer, message }) => ({ pointer, message })),
      undefined,
      result.errorCount - result.errors.length,
    );
  }
  if (!input.paidOnline && amountDueOnline(await getOnlineFee(deps, participant.slug, formVersion), input.body) > 0) throw createHttpError('PAYMENT_REQUIRED');
  const received = deps.now();
  const created = await deps.storage.submissions.create(
    {
      id: randomUUID(),
      tenant: participant.slug,
      service: formVersion.id,
      version: formVersion.version,
      data: input.body,
      receivedAt: received.toISOString(),
      expiresAt: new Date(received.getTime() + formVersion.definition.retentionDays * DAY_MS).toISOString(),
      referencePrefix: participant.referencePrefix,
      referenceYear: getYearInGermany(received),
    },
    idempotency,
  );
  if (created.kind === 'erased') throw createHttpError('SUBMISSION_ERASED');
  if (created.kind === 'replayed') return toReplay(created, idempotency!.requestHash);
  return toReceipt(created.submission);
}

function toReplay(earlier: { requestHash: string; submission: SubmissionSummary | undefined }, requestHash: string): SubmissionReceipt {
  if (earlier.requestHash !== requestHash || !earlier.submission) throw createHttpError('IDEMPOTENCY_KEY_REUSED');
  return toReceipt(earlier.submission);
}

function toReceipt(submission: SubmissionSummary): SubmissionReceipt {
  return { id: submission.id, reference: submission.reference, version: submission.version, receivedAt: submission.receivedAt };
}

function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

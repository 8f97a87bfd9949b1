import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { deleteQueuedBlobs } from './deleteQueuedBlobs.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

const MAX_REASON_LENGTH = 500;

/**
 * Erases one submission of the user's participant on request (GDPR Art. 17), whatever its status: whether a legal
 * exception (Art. 17 (3)) applies to a case in progress is the participant's decision, so 'in_bearbeitung' may be
 * erased too; the audit event records the status it had. One transaction removes the submission and its
 * idempotency keys (tombstones keep a client retry from storing it again) and appends the audit event
 * 'submission.erased' with ids, reference, service, version, status, actor and reason only, never the data.
 * Another participant's id, a missing and an already erased one answer 404 SUBMISSION_NOT_FOUND alike.
 * The optional body is `{ reason?: string }` (at most 500 characters; anything else is 422 VALIDATION_FAILED).
 */
export async function eraseSubmission(deps: AppDeps, user: StaffUser, id: string, body: unknown): Promise<void> {
  const reason = readReason(body);
  const erased = await deps.storage.submissions.erase(user.tenant, id, deps.now().toISOString(), (submission) => ({
    tenant: user.tenant,
    actor: user.id,
    action: 'submission.erased',
    subject: submission.id,
    details: {
      reason: reason ?? null,
      reference: submission.reference,
      service: submission.service,
      version: submission.version,
      status: submission.status,
    },
  }));
  if (!erased) throw createHttpError('SUBMISSION_NOT_FOUND');
  // The rows are gone with the commit; the bytes of its files follow now (the retention job retries leftovers).
  await deleteQueuedBlobs(deps).catch((error: unknown) => deps.logger.error('deleting erased files failed', { error: error instanceof Error ? error.message : String(error) }));
}

/** The trimmed reason of the body (undefined without one); throws 422 for any other shape. */
function readReason(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw createHttpError('INVALID_BODY');
  const { reason, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw createHttpError('VALIDATION_FAILED', unknown.map((key) => ({ pointer: `/${key}`, message: 'Diese Angabe ist beim Löschen nicht vorgesehen.' })));
  }
  if (reason === undefined) return undefined;
  if (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH) {
    throw createHttpError('VALIDATION_FAILED', [{ pointer: '/reason', message: `Bitte einen Grund mit höchstens ${MAX_REASON_LENGTH} Zeichen angeben.` }]);
  }
  return reason.trim() || undefined;
}

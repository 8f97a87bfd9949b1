import type { AppDeps } from '../AppDeps.ts';
import { deleteQueuedBlobs } from './deleteQueuedBlobs.ts';

export interface RetentionResult {
  erasedSubmissions: number;
  expiredSessions: number;
  forgottenIdempotencyKeys: number;
  forgottenLoginFailures: number;
  purgedUploads: number;
  deletedBlobs: number;
  /** Pending payments that expired unconfirmed (their answers are discarded). */
  expiredPayments: number;
  /** Rate-limit windows that ended. */
  forgottenRateLimits: number;
}

/**
 * Erases submissions past their retention (expires_at, from the definition's retentionDays; the repository records
 * erasure audit events with counts only), expired staff sessions, old idempotency keys and sign-in failures older
 * than a day, then unbound uploads older than 24 hours; the bytes of every erased or purged file are deleted from
 * the blob store.
 */
export async function runRetention(deps: Pick<AppDeps, 'storage' | 'config' | 'now' | 'blobs'>): Promise<RetentionResult> {
  const now = deps.now();
  const erasedSubmissions = await deps.storage.submissions.eraseExpired(now.toISOString());
  const expiredSessions = await deps.storage.sessions.deleteExpired(now.toISOString());
  const forgottenIdempotencyKeys = await deps.storage.submissions.forgetIdempotencyKeys(
    new Date(now.getTime() - deps.config.idempotencyTtlHours * 3_600_000).toISOString(),
  );
  const forgottenLoginFailures = await deps.storage.loginThrottle.forgetBefore(new Date(now.getTime() - 24 * 3_600_000).toISOString());
  const purgedUploads = await deps.storage.uploads.purgeUnbound(now.toISOString());
  const deletedBlobs = await deleteQueuedBlobs(deps);
  const expiredPayments = await deps.storage.payments.expire(now.toISOString());
  const forgottenRateLimits = await deps.storage.rateLimits.forgetExpired(new Date().toISOString());
  return { erasedSubmissions, expiredSessions, forgottenIdempotencyKeys, forgottenLoginFailures, purgedUploads, deletedBlobs, expiredPayments, forgottenRateLimits };
}

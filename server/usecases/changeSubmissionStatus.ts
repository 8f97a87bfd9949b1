import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../AppDeps.ts';
import { readContactEmail } from '../domain/readContactEmail.ts';
import { isAllowedStatusTransition, SUBMISSION_STATUSES } from '../domain/isAllowedStatusTransition.ts';
import { createHttpError } from '../errors.ts';
import type { SubmissionStatus, SubmissionSummary } from '../storage/SubmissionRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

/**
 * Moves a submission of the user's participant to a new status, with an audit event and the outbox deliveries of
 * the status-change event in the same transaction:
 * 404 for an id that is not the participant's, 409 INVALID_STATUS_TRANSITION for a step the workflow does not allow
 * (also when another clerk changed it meanwhile), 422 for an unknown status. Only `status` of the body is read.
 */
export async function changeSubmissionStatus(deps: AppDeps, user: StaffUser, id: string, body: unknown): Promise<SubmissionSummary> {
  const to = (body as { status?: unknown } | null)?.status;
  if (typeof to !== 'string' || !(SUBMISSION_STATUSES as readonly string[]).includes(to)) {
    throw createHttpError('VALIDATION_FAILED', [{ pointer: '/status', message: `Bitte einen gültigen Status wählen: ${SUBMISSION_STATUSES.join(', ')}.` }]);
  }
  const current = await deps.storage.submissions.get(user.tenant, id);
  if (!current) throw createHttpError('SUBMISSION_NOT_FOUND');
  const target = to as SubmissionStatus;
  if (!isAllowedStatusTransition(current.status, target)) throw createHttpError('INVALID_STATUS_TRANSITION');
  const formVersion = await deps.storage.formVersions.get(current.service, current.version);
  const hasContactEmail = formVersion !== undefined && readContactEmail(formVersion.definition, current.data) !== undefined;
  const result = await deps.storage.submissions.changeStatus(
    user.tenant,
    id,
    current.status,
    target,
    deps.now().toISOString(),
    { tenant: user.tenant, actor: user.id, action: 'submission.status_changed', subject: id, details: { from: current.status, to: target } },
    // The event goes to the participant's webhook and (when switched on) the citizen's status mail, in the same transaction.
    { eventSuffix: randomUUID().replaceAll('-', '').slice(0, 16), hasContactEmail },
  );
  if (result.kind === 'not-found') throw createHttpError('SUBMISSION_NOT_FOUND');
  if (result.kind === 'conflict') throw createHttpError('INVALID_STATUS_TRANSITION');
  return result.submission;
}

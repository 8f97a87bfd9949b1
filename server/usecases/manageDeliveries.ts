import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { OutboxDelivery, OutboxStats } from '../storage/OutboxRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { KREIS_TENANT } from './assertKreisEditor.ts';

/** What the inbox shows of a delivery: kind, state, attempts, times and the technical last error. */
export type DeliveryView = Omit<OutboxDelivery, 'tenant' | 'submissionId'>;

/** The deliveries of one submission of the user's participant (404 for another participant's id, like a missing one). */
export async function listSubmissionDeliveries(deps: AppDeps, user: StaffUser, submissionId: string): Promise<DeliveryView[]> {
  const submission = await deps.storage.submissions.get(user.tenant, submissionId);
  if (!submission) throw createHttpError('SUBMISSION_NOT_FOUND');
  return (await deps.storage.outbox.listBySubmission(user.tenant, submission)).map(({ tenant: _tenant, submissionId: _submission, ...view }) => view);
}

/** Queues a dead delivery of the admin's participant again with the same delivery id (audited 'delivery.resent'). */
export async function resendDelivery(deps: AppDeps, user: StaffUser, id: string): Promise<DeliveryView> {
  const result = await deps.storage.outbox.resend(user.tenant, id, deps.now().toISOString(), {
    tenant: user.tenant,
    actor: user.id,
    action: 'delivery.resent',
    subject: id,
  });
  if (!result) throw createHttpError('DELIVERY_NOT_FOUND');
  if (result === 'not-dead') throw createHttpError('DELIVERY_NOT_DEAD');
  const { tenant: _tenant, submissionId: _submission, ...view } = result;
  return view;
}

/** Outbox depth and the oldest pending delivery's age per participant: the Kreis sees every participant, others their own. */
export async function getOutboxStatus(deps: AppDeps, user: StaffUser): Promise<{ items: (OutboxStats & { oldestPendingAgeSeconds: number | null })[] }> {
  const stats = await deps.storage.outbox.stats(user.tenant === KREIS_TENANT ? undefined : user.tenant);
  const now = deps.now().getTime();
  return {
    items: stats.map((entry) => ({
      ...entry,
      oldestPendingAgeSeconds: entry.oldestPendingAt ? Math.max(0, Math.round((now - Date.parse(entry.oldestPendingAt)) / 1000)) : null,
    })),
  };
}

import type { FormDefinition } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

export interface SubmissionHistoryEntry {
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

/** What the inbox needs beside a submission: the exact definition version it was submitted under, and its audit trail. */
export interface SubmissionContext {
  definition: FormDefinition;
  history: SubmissionHistoryEntry[];
}

/**
 * The definition and audit trail of a submission of the user's participant; another participant's submission answers
 * 404 SUBMISSION_NOT_FOUND exactly like a missing one. Actors are shown by e-mail address when they are staff users.
 */
export async function getSubmissionContext(deps: AppDeps, user: StaffUser, id: string): Promise<SubmissionContext> {
  const submission = await deps.storage.submissions.get(user.tenant, id);
  if (!submission) throw createHttpError('SUBMISSION_NOT_FOUND');
  const version = await deps.storage.formVersions.get(submission.service, submission.version);
  if (!version) throw createHttpError('FORM_VERSION_NOT_FOUND');
  const events = await deps.storage.audit.list({ tenant: user.tenant, subject: id, limit: 200 });
  const actors = new Map<string, string>();
  for (const event of events) {
    if (!actors.has(event.actor)) actors.set(event.actor, (await deps.storage.users.get(event.actor))?.email ?? event.actor);
  }
  return {
    definition: version.definition,
    history: events.map((event) => ({ at: event.at, actor: actors.get(event.actor) ?? event.actor, action: event.action, details: event.details })),
  };
}

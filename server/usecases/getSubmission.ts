import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { Submission } from '../storage/SubmissionRepository.ts';

/** A submission of the tenant; another participant's id answers 404 SUBMISSION_NOT_FOUND exactly like a missing one. */
export async function getSubmission(deps: AppDeps, tenant: string, id: string): Promise<Submission> {
  const submission = await deps.storage.submissions.get(tenant, id);
  if (!submission) throw createHttpError('SUBMISSION_NOT_FOUND');
  return submission;
}

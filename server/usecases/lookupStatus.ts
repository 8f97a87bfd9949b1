import { timingSafeEqual } from 'node:crypto';
import { STATUS_NAMES } from '../../contract/submissionStatus.ts';
import type { AppDeps } from '../AppDeps.ts';
import { hashSecret } from '../domain/hashSecret.ts';
import { createHttpError } from '../errors.ts';
import type { Submission, SubmissionStatus } from '../storage/SubmissionRepository.ts';
import { normalizeStatusCode } from './createStatusCode.ts';
import type { PublicStatus } from '../../contract/portalApi.ts';
export type { PublicStatus } from '../../contract/portalApi.ts';

const REFERENCE = /^[A-Z]{2,6}-[0-9]{4}-[0-9]{6}$/;
const CODE = /^[A-Z2-9]{16}$/;
/** A hash that never matches, compared when the reference is unknown, so both failures take the same path. */
const NO_HASH = '0'.repeat(64);

/**
 * Finds a submission of the participant by reference and status code. A wrong code, an unknown reference, a malformed
 * input and another participant's reference all answer 404 STATUS_NOT_FOUND alike (the hash is compared in constant
 * time in every case). Body: `{ reference, code }`.
 */
export async function findSubmissionByStatusCode(deps: AppDeps, tenant: string, body: unknown): Promise<Submission> {
  const { reference, code } = (body !== null && typeof body === 'object' ? body : {}) as { reference?: unknown; code?: unknown };
  const normalizedReference = typeof reference === 'string' ? reference.trim().toUpperCase() : '';
  const normalizedCode = typeof code === 'string' ? normalizeStatusCode(code) : '';
  const wellFormed = REFERENCE.test(normalizedReference) && CODE.test(normalizedCode);
  const found = wellFormed ? await deps.storage.submissions.findStatusByReference(tenant, normalizedReference) : undefined;
  const expected = Buffer.from(found?.statusCodeHash ?? NO_HASH, 'utf8');
  const given = Buffer.from(hashSecret(normalizedCode), 'utf8');
  const matches = expected.length === given.length && timingSafeEqual(expected, given) && found !== undefined && found.statusCodeHash !== null;
  const submission = matches ? await deps.storage.submissions.get(tenant, found.id) : undefined;
  if (!submission) throw createHttpError('STATUS_NOT_FOUND');
  return submission;
}

/** The status and history (German status names, dates) of a citizen's application. */
export async function lookupStatus(deps: AppDeps, tenant: string, body: unknown): Promise<PublicStatus> {
  const submission = await findSubmissionByStatusCode(deps, tenant, body);
  const version = await deps.storage.formVersions.get(submission.service, submission.version);
  const events = await deps.storage.audit.list({ tenant, subject: submission.id, action: 'submission.status_changed', limit: 100 });
  const changes = events
    .filter((event) => typeof event.details.to === 'string' && event.details.to in STATUS_NAMES)
    .map((event) => ({ at: event.at, status: event.details.to as SubmissionStatus }))
    .reverse();
  const history = [{ at: submission.receivedAt, status: 'eingegangen' as SubmissionStatus }, ...changes].map((entry) => ({ ...entry, statusName: STATUS_NAMES[entry.status] }));
  return {
    reference: submission.reference,
    serviceTitle: version?.definition.title ?? submission.service,
    receivedAt: submission.receivedAt,
    status: submission.status,
    statusName: STATUS_NAMES[submission.status],
    history,
  };
}

import type { SubmissionStatus } from '../../contract/submissionStatus.ts';
import type { AuditEventInput } from './AuditRepository.ts';
export type { SubmissionStatus } from '../../contract/submissionStatus.ts';

export interface Submission {
  id: string;
  tenant: string;
  service: string;
  version: string;
  data: unknown;
  status: SubmissionStatus;
  /** Per participant and year, e.g. 'ERK-2026-000042'. */
  reference: string;
  receivedAt: string;
  updatedAt: string;
  expiresAt: string;
}

export type SubmissionSummary = Omit<Submission, 'data'>;

export interface NewSubmission {
  id: string;
  tenant: string;
  service: string;
  version: string;
  data: unknown;
  receivedAt: string;
  expiresAt: string;
  /** Reference prefix of the participant, e.g. 'ERK'. */
  referencePrefix: string;
  /** Year of the reference (in Germany's time zone). */
  referenceYear: number;
  /** The definition marks a contact e-mail and the data carries one: the citizen's mails may be queued. */
  hasContactEmail?: boolean;
  /** SHA-256 (hex) of the citizen's status code. */
  statusCodeHash?: string;
  /** Uploads bound to the submission in its own transaction (each unbound, same tenant and service, unexpired). */
  uploadIds?: string[];
}

/** What the public status lookup needs of a submission. */
export interface StatusLookup {
  id: string;
  status: SubmissionStatus;
  receivedAt: string;
  statusCodeHash: string | null;
  service: string;
  version: string;
}

/** Outbox entry of a status change, written in the status change's transaction. */
export interface StatusChangeOutbox {
  /** Random part of the status-change event's id (the event id is shared by its deliveries to all channels). */
  eventSuffix: string;
  hasContactEmail: boolean;
}

export interface IdempotencyInput {
  key: string;
  /** Hash of the request body; a reused key with another body is refused. */
  requestHash: string;
}

export type CreateSubmissionResult =
  | { kind: 'created'; submission: SubmissionSummary }
  /** The idempotency key was already used: the earlier submission (undefined if it has been erased since). */
  | { kind: 'replayed'; requestHash: string; submission: SubmissionSummary | undefined }
  /** The idempotency key belonged to a submission erased on request (tombstone): nothing is stored. */
  | { kind: 'erased' };

/** What an Idempotency-Key is known as: the earlier answer, or 'erased' when its submission was erased on request. */
export type IdempotencyRecord = { requestHash: string; submission: SubmissionSummary | undefined } | 'erased';

export interface SubmissionFilter {
  tenant: string;
  service?: string;
  version?: string;
  status?: SubmissionStatus;
  /** Inclusive lower bound of receivedAt (ISO timestamp). */
  receivedFrom?: string;
  /** Exclusive upper bound of receivedAt (ISO timestamp). */
  receivedBefore?: string;
}

export type StatusChangeResult =
  | { kind: 'changed'; submission: SubmissionSummary }
  | { kind: 'not-found' }
  | { kind: 'conflict'; current: SubmissionStatus };

/** Submissions of citizens. Every read is scoped by tenant: another participant's id is simply not found. */
export interface SubmissionRepository {
  /** Stores a submission durably (resolves after commit) with the next reference of its participant and year. */
  create(submission: NewSubmission, idempotency?: IdempotencyInput): Promise<CreateSubmissionResult>;
  /** Looks up an earlier answer for an idempotency key (committed data). */
  findByIdempotencyKey(tenant: string, service: string, key: string): Promise<IdempotencyRecord | undefined>;
  get(tenant: string, id: string): Promise<Submission | undefined>;
  /** The status fields of a submission of the tenant by its reference. */
  findStatusByReference(tenant: string, reference: string): Promise<StatusLookup | undefined>;
  /** One page, newest first. */
  list(filter: SubmissionFilter, page: { offset: number; limit: number }): Promise<{ items: SubmissionSummary[]; total: number }>;
  /** Streams matching submissions oldest first, in chunks (keyset cursor), for exports. */
  iterate(filter: SubmissionFilter, chunkSize?: number): AsyncIterable<Submission>;
  /**
   * Changes the status only if it is still `from`, with its audit event and (with `outbox`) the deliveries of the
   * status-change event to the participant's channels, in one transaction.
   */
  changeStatus(
    tenant: string,
    id: string,
    from: SubmissionStatus,
    to: SubmissionStatus,
    at: string,
    audit: AuditEventInput,
    outbox?: StatusChangeOutbox,
  ): Promise<StatusChangeResult>;
  /** Erases submissions (with their outbox deliveries) whose expiry passed, in chunks; records one audit event per tenant and service (counts only). */
  eraseExpired(now: string): Promise<number>;
  /**
   * Erases one submission of the tenant on request, in one transaction: the row, its idempotency keys (each leaves a
   * tombstone without request hash, so a retry cannot store the data again) and the audit event built from the erased
   * submission's summary. Payments stay (no personal data; needed for billing). Undefined when there is no such
   * submission of the tenant (nothing written).
   */
  erase(tenant: string, id: string, at: string, toAudit: (erased: SubmissionSummary) => AuditEventInput): Promise<SubmissionSummary | undefined>;
  /** Forgets idempotency keys (and tombstones of erased ones) created before `before`. */
  forgetIdempotencyKeys(before: string): Promise<number>;
}

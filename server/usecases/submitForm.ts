import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, collectUploadRefs, hasUploadFields } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { readContactEmail } from '../domain/readContactEmail.ts';
import { createHttpError, type ErrorDetail } from '../errors.ts';
import { hashSecret } from '../domain/hashSecret.ts';
import { UploadBindError } from '../storage/UploadRepository.ts';
import type { SubmissionSummary } from '../storage/SubmissionRepository.ts';
import { assertAcceptsSubmissions } from './assertAcceptsSubmissions.ts';
import { createStatusCode, normalizeStatusCode } from './createStatusCode.ts';
import { getYearInGermany } from './getYearInGermany.ts';
import { amountDueOnline, getOnlineFee } from './payments/getOnlineFee.ts';
import { resolveServedService, type ServedService } from './resolveServedService.ts';
import type { SubmissionReceipt } from '../../contract/portalApi.ts';
export type { SubmissionReceipt } from '../../contract/portalApi.ts';

export interface SubmitFormInput {
  /** The served service when the route resolved it already (parseSubmissionBody); resolved here otherwise. */
  served?: ServedService | undefined;
  tenant: string;
  service: string;
  body: unknown;
  idempotencyKey?: string | undefined;
  /** Set only by the payment confirmation: the online payment of this chargeable application is confirmed. */
  paidOnline?: boolean;
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
  const { participant, formVersion } = input.served ?? (await resolveServedService(deps, input.tenant, input.service));
  let idempotency: { key: string; requestHash: string } | undefined;
  if (input.idempotencyKey !== undefined) {
    if (!isRandomEnoughKey(input.idempotencyKey)) throw createHttpError('INVALID_IDEMPOTENCY_KEY');
    idempotency = { key: input.idempotencyKey, requestHash: hashBody(input.body) };
    const earlier = await deps.storage.submissions.findByIdempotencyKey(input.tenant, input.service, idempotency.key);
    if (earlier === 'erased') throw createHttpError('SUBMISSION_ERASED');
    if (earlier) return toReplay(deps, earlier, idempotency.requestHash);
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
  const { data, uploadIds } = await resolveUploads(deps, participant.slug, formVersion.id, formVersion.definition.schema, input.body, received.toISOString());
  const id = randomUUID();
  const statusCode = createStatusCode(deps.statusCodeKey, id);
  const created = await deps.storage.submissions.create(
    {
      id,
      tenant: participant.slug,
      service: formVersion.id,
      version: formVersion.version,
      data,
      receivedAt: received.toISOString(),
      expiresAt: new Date(received.getTime() + formVersion.definition.retentionDays * DAY_MS).toISOString(),
      referencePrefix: participant.referencePrefix,
      referenceYear: getYearInGermany(received),
      hasContactEmail: readContactEmail(formVersion.definition, input.body) !== undefined,
      statusCodeHash: hashSecret(normalizeStatusCode(statusCode)),
      uploadIds,
    },
    idempotency,
  ).catch((error: unknown) => {
    if (error instanceof UploadBindError) throw createHttpError('UPLOAD_NOT_AVAILABLE', [{ pointer: '', message: UPLOAD_GONE }]);
    throw error;
  });
  if (created.kind === 'erased') throw createHttpError('SUBMISSION_ERASED');
  if (created.kind === 'replayed') return toReplay(deps, created, idempotency!.requestHash);
  // The status code of a new submission is the one just derived (createStatusCode gives the same for this id).
  return toReceipt(deps, created.submission, created.submission.id === id ? statusCode : undefined);
}

const UPLOAD_GONE = 'Die hochgeladene Datei ist nicht mehr verfügbar (nach 24 Stunden oder bereits verwendet). Bitte laden Sie sie erneut hoch.';

/**
 * Replaces every file reference of the data (upload token) by the stored upload's id and the server's own facts
 * (name, type, size, SHA-256): each token must belong to an unbound, unexpired upload of this participant and
 * service and match the reference's size, type and checksum; one upload serves one field. 422 UPLOAD_NOT_AVAILABLE
 * with German messages per field otherwise. A stored id sent by a client is refused (files come only by token).
 */
async function resolveUploads(
  deps: AppDeps,
  tenant: string,
  service: string,
  schema: unknown,
  body: unknown,
  now: string,
): Promise<{ data: unknown; uploadIds: string[] }> {
  if (!hasUploads(schema)) return { data: body, uploadIds: [] };
  const refs = collectUploadRefs(schema, body);
  if (refs.length === 0) return { data: body, uploadIds: [] };
  const data = structuredClone(body);
  const uploadIds: string[] = [];
  const problems: ErrorDetail[] = [];
  for (const ref of collectUploadRefs(schema, data)) {
    const { token } = ref.value;
    const upload = typeof token === 'string' ? await deps.storage.uploads.findUnbound(tenant, service, hashSecret(token), now) : undefined;
    if (!upload || upload.size !== ref.value.size || upload.sha256 !== ref.value.sha256 || upload.mediaType !== ref.value.type || uploadIds.includes(upload.id)) {
      problems.push({ pointer: ref.pointer, message: UPLOAD_GONE });
      continue;
    }
    uploadIds.push(upload.id);
    for (const key of Object.keys(ref.value)) delete ref.value[key];
    Object.assign(ref.value, { id: upload.id, name: upload.name, type: upload.mediaType, size: upload.size, sha256: upload.sha256 });
  }
  if (problems.length > 0) throw createHttpError('UPLOAD_NOT_AVAILABLE', problems);
  return { data, uploadIds };
}

const schemasWithUploads = new WeakMap<object, boolean>();

/** Whether a (published, immutable) data schema has file fields at all; worked out once per schema object. */
function hasUploads(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  let found = schemasWithUploads.get(schema);
  if (found === undefined) {
    found = hasUploadFields(schema);
    schemasWithUploads.set(schema, found);
  }
  return found;
}

function toReplay(deps: AppDeps, earlier: { requestHash: string; submission: SubmissionSummary | undefined }, requestHash: string): SubmissionReceipt {
  if (earlier.requestHash !== requestHash || !earlier.submission) throw createHttpError('IDEMPOTENCY_KEY_REUSED');
  return toReceipt(deps, earlier.submission);
}

function toReceipt(deps: AppDeps, submission: SubmissionSummary, statusCode?: string): SubmissionReceipt {
  return {
    id: submission.id,
    reference: submission.reference,
    version: submission.version,
    receivedAt: submission.receivedAt,
    statusCode: statusCode ?? createStatusCode(deps.statusCodeKey, submission.id),
  };
}

function hashBody(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

import { hasUploadFields } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { listDataColumns } from '../domain/listDataColumns.ts';
import { toCsvCell } from '../domain/toCsvCell.ts';
import { createHttpError } from '../errors.ts';
import type { SubmissionPayment } from '../storage/PaymentRepository.ts';
import type { Submission } from '../storage/SubmissionRepository.ts';
import type { Upload } from '../storage/UploadRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { toAttachmentInfo } from './getAttachments.ts';
import { parseSubmissionFilter } from './parseSubmissionFilter.ts';

export interface SubmissionExport {
  contentType: string;
  filename: string;
  /** Chunks, produced while rows are read (keyset cursor), never the whole export at once. */
  chunks: AsyncIterable<string | Buffer>;
}

const META_COLUMNS = ['id', 'reference', 'status', 'version', 'receivedAt', 'updatedAt'] as const;
/** The payment a submission carried (issue 16): state, amount in cents, the provider's reference, the provider. */
const PAYMENT_COLUMNS = ['paymentState', 'paymentAmountCents', 'paymentProviderReference', 'paymentProvider'] as const;

type PaidSubmission = Submission & { payment?: SubmissionPayment };

/** Adds each submission's payment (if any) to the exported row. */
async function* withPayments(deps: AppDeps, tenant: string, rows: AsyncIterable<Submission>): AsyncIterable<PaidSubmission> {
  for await (const row of rows) {
    const payment = (await deps.storage.payments.listForSubmissions(tenant, [row.id])).get(row.id);
    yield payment ? { ...row, payment } : row;
  }
}

/**
 * Exports the user's participant's submissions of one service version as CSV (semicolon-separated, UTF-8 with BOM,
 * one column per data field) or JSON (an array), streamed. 404 FORM_VERSION_NOT_FOUND for an unpublished version,
 * 400 INVALID_QUERY for an unknown format. An audit event records who exported how many rows (no data).
 */
export async function exportSubmissions(
  deps: AppDeps,
  user: StaffUser,
  service: string,
  version: string,
  query: Record<string, unknown>,
): Promise<SubmissionExport> {
  const format = query.format ?? 'csv';
  if (format !== 'csv' && format !== 'json' && format !== 'zip') {
    throw createHttpError('INVALID_QUERY', [{ pointer: '/format', message: 'format must be csv, json or zip.' }]);
  }
  const formVersion = await deps.storage.formVersions.get(service, version);
  if (!formVersion) throw createHttpError('FORM_VERSION_NOT_FOUND');
  const filter = { ...parseSubmissionFilter(user.tenant, { ...query, service: undefined, version: undefined }), service, version };
  const rows = withPayments(deps, user.tenant, deps.storage.submissions.iterate(filter));
  const audit = (count: number) =>
    deps.storage.audit.append({
      tenant: user.tenant,
      actor: user.id,
      action: 'submission.exported',
      subject: service,
      details: { version, format, count },
    });
  const filename = `${user.tenant}-${service}-${version}.${format}`;
  // Only versions with file fields have attachments: the others skip the lookup per row.
  const hasFiles = hasUploadFields(formVersion.definition.schema);
  const withAttachments = (submission: Submission) => (hasFiles ? deps.storage.uploads.listBySubmission(user.tenant, submission.id) : Promise.resolve([]));
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename, chunks: jsonChunks(rows, withAttachments, audit) };
  if (format === 'zip') return { contentType: 'application/zip', filename, chunks: zipChunks(deps, rows, withAttachments, audit) };
  return { contentType: 'text/csv; charset=utf-8; header=present', filename, chunks: csvChunks(rows, listDataColumns(formVersion.definition.schema), audit) };
}

type ListUploads = (submission: Submission) => Promise<Upload[]>;

async function* jsonChunks(rows: AsyncIterable<Submission>, listUploads: ListUploads, audit: (count: number) => Promise<void>): AsyncIterable<string> {
  let count = 0;
  yield '[';
  for await (const row of rows) {
    const attachments = (await listUploads(row)).map(toAttachmentInfo);
    yield `${count === 0 ? '' : ','}\n${JSON.stringify({ ...row, attachments })}`;
    count += 1;
  }
  yield '\n]\n';
  await audit(count);
}

async function* csvChunks(rows: AsyncIterable<Submission>, columns: string[][], audit: (count: number) => Promise<void>): AsyncIterable<string> {
  let count = 0;
  yield `\uFEFF${[...META_COLUMNS, ...PAYMENT_COLUMNS, ...columns.map((path) => path.join('.'))].map(toCsvCell).join(';')}\r\n`;
  for await (const row of rows) {
    const payment = (row as PaidSubmission).payment;
    const paymentCells = [payment?.state, payment?.amountCents, payment?.providerReference, payment?.provider];
    const cells = [...META_COLUMNS.map((name) => row[name]), ...paymentCells, ...columns.map((path) => pick(row.data, path))];
    yield `${cells.map(toCsvCell).join(';')}\r\n`;
    count += 1;
  }
  await audit(count);
}

function pick(data: unknown, path: string[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A ZIP (yazl, streamed): per submission a folder `<reference>/` with `antrag.json` (the submission with its
 * attachments' metadata) and the attachment files (`<n>-<name>`), each file opened only when the ZIP reaches it.
 * Submissions are read in chunks while the ZIP is written, so the export never holds more than a chunk of rows.
 */
async function* zipChunks(deps: AppDeps, rows: AsyncIterable<Submission>, listUploads: ListUploads, audit: (count: number) => Promise<void>): AsyncIterable<Buffer> {
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  let count = 0;
  let failure: unknown;
  const producing = (async () => {
    for await (const row of rows) {
      const uploads = await listUploads(row);
      zip.addBuffer(Buffer.from(JSON.stringify({ ...row, attachments: uploads.map(toAttachmentInfo) }, null, 2)), `${row.reference}/antrag.json`);
      uploads.forEach((upload, index) => {
        zip.addReadStreamLazy(`${row.reference}/${index + 1}-${upload.name.replace(/[\\/]/g, '_')}`, (callback) => {
          deps.blobs.open(upload.blobKey).then(
            (stream) => (stream ? callback(null, stream) : callback(new Error(`attachment bytes missing: ${upload.id}`), undefined as never)),
            (error: unknown) => callback(error as Error, undefined as never),
          );
        });
      });
      count += 1;
      // Let the ZIP drain what was queued before reading the next rows.
      await new Promise((resolve) => setImmediate(resolve));
    }
    zip.end();
  })().catch((error: unknown) => {
    failure = error;
    (zip.outputStream as unknown as import('node:stream').Readable).destroy(error as Error);
  });
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) yield chunk;
  await producing;
  if (failure) throw failure;
  await audit(count);
}

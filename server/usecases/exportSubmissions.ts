import type { AppDeps } from '../AppDeps.ts';
import { listDataColumns } from '../domain/listDataColumns.ts';
import { toCsvCell } from '../domain/toCsvCell.ts';
import { createHttpError } from '../errors.ts';
import type { SubmissionPayment } from '../storage/PaymentRepository.ts';
import type { Submission } from '../storage/SubmissionRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { parseSubmissionFilter } from './parseSubmissionFilter.ts';

export interface SubmissionExport {
  contentType: string;
  filename: string;
  /** Text chunks, produced while rows are read (keyset cursor), never the whole export at once. */
  chunks: AsyncIterable<string>;
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
  if (format !== 'csv' && format !== 'json') {
    throw createHttpError('INVALID_QUERY', [{ pointer: '/format', message: 'format must be csv or json.' }]);
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
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename, chunks: jsonChunks(rows, audit) };
  return { contentType: 'text/csv; charset=utf-8; header=present', filename, chunks: csvChunks(rows, listDataColumns(formVersion.definition.schema), audit) };
}

async function* jsonChunks(rows: AsyncIterable<Submission>, audit: (count: number) => Promise<void>): AsyncIterable<string> {
  let count = 0;
  yield '[';
  for await (const row of rows) {
    yield `${count === 0 ? '' : ','}\n${JSON.stringify(row)}`;
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

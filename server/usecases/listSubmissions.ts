import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { SubmissionPayment } from '../storage/PaymentRepository.ts';
import type { SubmissionSummary } from '../storage/SubmissionRepository.ts';
import { parseSubmissionFilter } from './parseSubmissionFilter.ts';

export interface SubmissionPage {
  /** With the payment each submission carried (online or recorded by hand), if any. */
  items: (SubmissionSummary & { payment?: SubmissionPayment })[];
  page: number;
  pageSize: number;
  total: number;
}

/** One page (newest first) of the tenant's submissions, filtered by the query (see parseSubmissionFilter). */
export async function listSubmissions(deps: AppDeps, tenant: string, query: Record<string, unknown>): Promise<SubmissionPage> {
  const filter = parseSubmissionFilter(tenant, query);
  const page = readPositiveInteger(query.page, 1, 1_000_000, 'page');
  const pageSize = readPositiveInteger(query.pageSize, 50, 200, 'pageSize');
  const { items, total } = await deps.storage.submissions.list(filter, { offset: (page - 1) * pageSize, limit: pageSize });
  const payments = await deps.storage.payments.listForSubmissions(tenant, items.map((item) => item.id));
  return { items: items.map((item) => (payments.has(item.id) ? { ...item, payment: payments.get(item.id)! } : item)), page, pageSize, total };
}

function readPositiveInteger(value: unknown, fallback: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const number = typeof value === 'string' && /^[0-9]{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw createHttpError('INVALID_QUERY', [{ pointer: `/${name}`, message: `${name} must be an integer from 1 to ${max}.` }]);
  }
  return number;
}

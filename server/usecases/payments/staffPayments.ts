import { formatCsv } from '../../../engine/agreement/formatCsv.ts';
import { isValidFeeSchedule, type FeeSchedule } from '../../../engine/index.ts';
import type { AppDeps } from '../../AppDeps.ts';
import { createHttpError, type ErrorDetail } from '../../errors.ts';
import type { ProviderConfig, SubmissionPayment } from '../../storage/PaymentRepository.ts';
import type { StaffUser } from '../../storage/UserRepository.ts';
import { KREIS_TENANT } from '../assertKreisEditor.ts';
import { getPaymentProvider } from './getPaymentProvider.ts';
import type { PaymentReport } from '../../../contract/staffApi.ts';
export type { PaymentReport } from '../../../contract/staffApi.ts';

/** Provider settings as answered to staff: the client secret is write-only. */
export type ProviderSettings = Omit<ProviderConfig, 'clientSecret'> & { hasClientSecret: true };

export async function getProviderSettings(deps: AppDeps, tenant: string): Promise<ProviderSettings | { tenant: string; configured: false }> {
  const config = await deps.storage.payments.getProvider(tenant);
  if (!config) return { tenant, configured: false };
  const { clientSecret: _secret, ...visible } = config;
  return { ...visible, hasClientSecret: true };
}

const ID = /^[\w-]{1,36}$/;

/**
 * Saves the participant's XBezahldienste provider and its transaction-cost terms (§ 2 (1)). The client secret may be
 * left out to keep the stored one. Amounts are whole cents; the percentage is in basis points (150 = 1.50 %).
 */
export async function saveProviderSettings(deps: AppDeps, tenant: string, body: Record<string, unknown>, actor: string): Promise<ProviderSettings> {
  const problems: ErrorDetail[] = [];
  const existing = await deps.storage.payments.getProvider(tenant);
  if (body.kind !== 'xbezahldienste') problems.push({ pointer: '/kind', message: "kind must be 'xbezahldienste'" });
  let baseUrl = '';
  try {
    const url = new URL(String(body.baseUrl));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
    if (url.username || url.password || url.search || url.hash) throw new Error('parts');
    baseUrl = url.toString().replace(/\/+$/, '');
  } catch {
    problems.push({ pointer: '/baseUrl', message: 'baseUrl must be an http(s) URL without credentials, query or fragment' });
  }
  for (const key of ['originatorId', 'endPointId'] as const) {
    if (typeof body[key] !== 'string' || !ID.test(body[key] as string)) problems.push({ pointer: `/${key}`, message: `${key} must be 1-36 characters of A-Z, a-z, 0-9, _ and -` });
  }
  if (typeof body.clientId !== 'string' || body.clientId.length < 1 || body.clientId.length > 200) problems.push({ pointer: '/clientId', message: 'clientId must be 1-200 characters' });
  const secret = body.clientSecret ?? existing?.clientSecret;
  if (typeof secret !== 'string' || secret.length < 1 || secret.length > 500) problems.push({ pointer: '/clientSecret', message: 'clientSecret must be 1-500 characters (required the first time)' });
  if (!Number.isSafeInteger(body.fixedCostCents) || (body.fixedCostCents as number) < 0 || (body.fixedCostCents as number) > 100_000) {
    problems.push({ pointer: '/fixedCostCents', message: 'fixedCostCents must be whole cents from 0 to 100000' });
  }
  if (!Number.isSafeInteger(body.percentBasisPoints) || (body.percentBasisPoints as number) < 0 || (body.percentBasisPoints as number) > 10_000) {
    problems.push({ pointer: '/percentBasisPoints', message: 'percentBasisPoints must be a whole number from 0 to 10000 (150 = 1.50 %)' });
  }
  if (problems.length > 0) throw createHttpError('INVALID_PAYMENT_PROVIDER', problems);
  const at = deps.now().toISOString();
  const config: ProviderConfig = {
    tenant,
    kind: 'xbezahldienste',
    baseUrl,
    originatorId: body.originatorId as string,
    endPointId: body.endPointId as string,
    clientId: body.clientId as string,
    clientSecret: secret as string,
    fixedCostCents: body.fixedCostCents as number,
    percentBasisPoints: body.percentBasisPoints as number,
    updatedBy: actor,
    updatedAt: at,
  };
  await deps.storage.payments.saveProvider(config, {
    tenant,
    actor,
    action: 'payment.provider_saved',
    subject: tenant,
    details: { kind: config.kind, fixedCostCents: config.fixedCostCents, percentBasisPoints: config.percentBasisPoints, secretChanged: body.clientSecret !== undefined },
  });
  return (await getProviderSettings(deps, tenant)) as ProviderSettings;
}

/** Saves the participant's fee schedule of a published chargeable service; `null` removes it. */
export async function saveFeeSchedule(deps: AppDeps, tenant: string, service: string, schedule: unknown, actor: string): Promise<{ service: string; schedule: FeeSchedule | null }> {
  const versions = await deps.storage.formVersions.listVersions(service);
  const latest = versions.length > 0 ? await deps.storage.formVersions.get(service, versions[versions.length - 1]!) : undefined;
  const chargeable = await Promise.all(versions.map(async (version) => (await deps.storage.formVersions.get(service, version))?.definition.fee !== undefined));
  if (!latest || !chargeable.some(Boolean)) throw createHttpError('INVALID_FEE_SCHEDULE', [{ pointer: '', message: `${service} is no published chargeable service` }]);
  if (schedule !== null && !isValidFeeSchedule(schedule)) throw createHttpError('INVALID_FEE_SCHEDULE');
  await deps.storage.payments.saveFeeSchedule(tenant, service, schedule, actor, deps.now().toISOString(), {
    tenant,
    actor,
    action: 'payment.fee_schedule_saved',
    subject: service,
    details: schedule === null ? { removed: true } : { baseCents: schedule.baseCents, unitCents: schedule.unitCents ?? null },
  });
  return { service, schedule };
}

/** Records (and sends, where the provider's interface has a refund message) the refund of a submission's payment. */
export async function refundPayment(deps: AppDeps, tenant: string, submissionId: string, body: Record<string, unknown>, actor: string): Promise<SubmissionPayment> {
  const reason = body.reason;
  if (typeof reason !== 'string' || reason.trim().length < 3 || reason.length > 500) {
    throw createHttpError('INVALID_PAYMENT', [{ pointer: '/reason', message: 'reason must be 3-500 characters (no personal data)' }]);
  }
  const current = (await deps.storage.payments.listForSubmissions(tenant, [submissionId])).get(submissionId);
  if (!current) throw createHttpError('SUBMISSION_NOT_FOUND');
  const sent = current.provider === 'xbezahldienste' && getPaymentProvider('xbezahldienste').supportsRefund;
  const outcome = await deps.storage.payments.refund(tenant, submissionId, deps.now().toISOString(), reason.trim(), sent, {
    tenant,
    actor,
    action: 'payment.refunded',
    subject: submissionId,
    details: { amountCents: current.amountCents, sentToProvider: sent },
  });
  if (outcome === 'not-found') throw createHttpError('SUBMISSION_NOT_FOUND');
  if (outcome === 'already') throw createHttpError('PAYMENT_ALREADY_REFUNDED');
  return (await deps.storage.payments.listForSubmissions(tenant, [submissionId])).get(submissionId)!;
}

/**
 * Payments and transaction costs per participant and service for a year (German calendar year), each row one
 * participant's own (§ 2 (1): never split). Kreis editors/admins see every participant, others only their own.
 */
export async function getPaymentReport(deps: AppDeps, user: StaffUser, year: number): Promise<PaymentReport> {
  const all = user.tenant === KREIS_TENANT && (user.role === 'editor' || user.role === 'admin');
  const from = `${year - 1}-12-31T23:00:00.000Z`;
  const before = `${year}-12-31T23:00:00.000Z`;
  return { year, scope: all ? 'all' : user.tenant, rows: await deps.storage.payments.report(from, before, all ? undefined : user.tenant) };
}

export function formatPaymentReportCsv(report: PaymentReport): string {
  return formatCsv(
    ['year', 'participant', 'service', 'payments', 'amountCents', 'transactionCostCents', 'refunded'],
    report.rows.map((row) => [report.year, row.tenant, row.service, row.count, row.amountCents, row.transactionCostCents, row.refundedCount]),
  );
}

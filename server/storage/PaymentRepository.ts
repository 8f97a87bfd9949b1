import type { FeeSchedule } from '../../engine/index.ts';
import type { AuditEventInput } from './AuditRepository.ts';
import type { SubmissionPayment, PaymentReportRow } from '../../contract/staffApi.ts';
export type { SubmissionPayment, PaymentReportRow } from '../../contract/staffApi.ts';

export type ProviderKind = 'xbezahldienste';

/** A participant's payment provider and its transaction-cost contract (§ 2 (1)). */
export interface ProviderConfig {
  tenant: string;
  kind: ProviderKind;
  /** Base URL of the XBezahldienste API (paths /paymenttransaction/... are appended). */
  baseUrl: string;
  originatorId: string;
  endPointId: string;
  clientId: string;
  /** Write-only through the API; never answered. */
  clientSecret: string;
  fixedCostCents: number;
  percentBasisPoints: number;
  updatedBy: string;
  updatedAt: string;
}

export type PendingStatus = 'open' | 'paid' | 'cancelled' | 'failed' | 'expired';

/** A chargeable application waiting for its payment ("Zahlung offen"): not yet a submission. */
export interface PendingPayment {
  id: string;
  tenant: string;
  service: string;
  version: string;
  /** The answers; undefined once the payment is resolved (paid) or expired. */
  data: unknown;
  amountCents: number;
  provider: ProviderKind;
  transactionId: string | undefined;
  paypageUrl: string | undefined;
  status: PendingStatus;
  submissionId: string | undefined;
  reference: string | undefined;
  providerReference: string | undefined;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface ConfirmedPayment {
  submissionId: string;
  reference: string;
  service: string;
  transactionId: string;
  providerReference: string | undefined;
  amountCents: number;
  paidAt: string;
  transactionCostCents: number;
}

/** Fee schedules, providers, pending payments and the payment records of online payments. */
export interface PaymentRepository {
  getFeeSchedule(tenant: string, service: string): Promise<FeeSchedule | undefined>;
  listFeeSchedules(tenant: string): Promise<{ service: string; schedule: FeeSchedule; updatedAt: string }[]>;
  /** Saves (or with `null` removes) a schedule, with its audit event. */
  saveFeeSchedule(tenant: string, service: string, schedule: FeeSchedule | null, by: string, at: string, audit: AuditEventInput): Promise<void>;
  getProvider(tenant: string): Promise<ProviderConfig | undefined>;
  saveProvider(config: ProviderConfig, audit: AuditEventInput): Promise<void>;
  /** The secret key signing return addresses (created by the migration). */
  getReturnKey(): Promise<string>;
  createPending(pending: PendingPayment): Promise<void>;
  /** Stores the provider's transaction id and paypage once the provider accepted the request. */
  attachTransaction(id: string, transactionId: string, paypageUrl: string, at: string): Promise<void>;
  getPending(id: string): Promise<PendingPayment | undefined>;
  /** open → cancelled/failed (answers kept until expiry, so the citizen can return to the review). */
  markUnpaid(id: string, status: 'cancelled' | 'failed', at: string, audit: AuditEventInput): Promise<boolean>;
  /**
   * In one transaction: records the payment of the submission (transaction cost included; nothing when it already
   * carries one) and turns the pending payment into 'paid', clearing its answers. 'already' when it was paid before.
   */
  completePaid(pendingId: string, payment: ConfirmedPayment, tenant: string, audit: AuditEventInput): Promise<'done' | 'already'>;
  /** Expires open payments past their time and clears the answers of all resolved ones past it. */
  expire(now: string): Promise<number>;
  /** Payments of these submissions of the tenant. */
  listForSubmissions(tenant: string, submissionIds: readonly string[]): Promise<Map<string, SubmissionPayment>>;
  refund(tenant: string, submissionId: string, at: string, reason: string, sent: boolean, audit: AuditEventInput): Promise<'refunded' | 'not-found' | 'already'>;
  /** Payments with paid_at in [from, before), per participant and service; only `tenant` when given. */
  report(from: string, before: string, tenant?: string): Promise<PaymentReportRow[]>;
}

import type { FeeSchedule } from '../../../engine/index.ts';
import type { AuditEventInput } from '../AuditRepository.ts';
import type {
  ConfirmedPayment,
  PaymentReportRow,
  PaymentRepository,
  PendingPayment,
  PendingStatus,
  ProviderConfig,
  ProviderKind,
  SubmissionPayment,
} from '../PaymentRepository.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface ProviderRow {
  tenant: string;
  kind: ProviderKind;
  base_url: string;
  originator_id: string;
  endpoint_id: string;
  client_id: string;
  client_secret: string;
  fixed_cost_cents: number;
  percent_basis_points: number;
  updated_by: string;
  updated_at: string;
}

interface PendingRow {
  id: string;
  tenant: string;
  service: string;
  version: string;
  data: string | null;
  amount_cents: number;
  provider: ProviderKind;
  transaction_id: string | null;
  paypage_url: string | null;
  status: PendingStatus;
  submission_id: string | null;
  reference: string | null;
  provider_reference: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

interface PaymentRow {
  submission_id: string;
  amount_cents: number;
  provider: string;
  provider_reference: string | null;
  transaction_id: string | null;
  paid_at: string;
  transaction_cost_cents: number;
  refunded_at: string | null;
  refund_reason: string | null;
  refund_sent: number;
}

/**
 * PostgreSQL tables of migration 100 (and the payment columns it adds to migration 20's payments). Every state change
 * is conditional on the row (or locks it first), so two processes settling the same payment record it once.
 */
export class PostgresPaymentRepository implements PaymentRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async getFeeSchedule(tenant: string, service: string): Promise<FeeSchedule | undefined> {
    const row = await this.db.get<{ schedule: string }>('SELECT schedule FROM fee_schedules WHERE tenant = ? AND service = ?', [tenant, service]);
    return row ? (JSON.parse(row.schedule) as FeeSchedule) : undefined;
  }

  async listFeeSchedules(tenant: string): Promise<{ service: string; schedule: FeeSchedule; updatedAt: string }[]> {
    const rows = await this.db.all<{ service: string; schedule: string; updated_at: string }>(
      'SELECT service, schedule, updated_at FROM fee_schedules WHERE tenant = ? ORDER BY service',
      [tenant],
    );
    return rows.map((row) => ({ service: row.service, schedule: JSON.parse(row.schedule) as FeeSchedule, updatedAt: row.updated_at }));
  }

  saveFeeSchedule(tenant: string, service: string, schedule: FeeSchedule | null, by: string, at: string, audit: AuditEventInput): Promise<void> {
    return this.db.write(async (tx) => {
      if (schedule === null) await tx.run('DELETE FROM fee_schedules WHERE tenant = ? AND service = ?', [tenant, service]);
      else {
        await tx.run(
          `INSERT INTO fee_schedules (tenant, service, schedule, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (tenant, service) DO UPDATE SET schedule = excluded.schedule, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [tenant, service, JSON.stringify(schedule), by, at],
        );
      }
      await insertAuditEvent(tx, audit, at);
    });
  }

  async getProvider(tenant: string): Promise<ProviderConfig | undefined> {
    const row = await this.db.get<ProviderRow>('SELECT * FROM payment_providers WHERE tenant = ?', [tenant]);
    if (!row) return undefined;
    return {
      tenant: row.tenant,
      kind: row.kind,
      baseUrl: row.base_url,
      originatorId: row.originator_id,
      endPointId: row.endpoint_id,
      clientId: row.client_id,
      clientSecret: row.client_secret,
      fixedCostCents: row.fixed_cost_cents,
      percentBasisPoints: row.percent_basis_points,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  saveProvider(config: ProviderConfig, audit: AuditEventInput): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run(
        `INSERT INTO payment_providers (tenant, kind, base_url, originator_id, endpoint_id, client_id, client_secret, fixed_cost_cents,
           percent_basis_points, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant) DO UPDATE SET kind = excluded.kind, base_url = excluded.base_url, originator_id = excluded.originator_id,
           endpoint_id = excluded.endpoint_id, client_id = excluded.client_id, client_secret = excluded.client_secret,
           fixed_cost_cents = excluded.fixed_cost_cents, percent_basis_points = excluded.percent_basis_points,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [
          config.tenant,
          config.kind,
          config.baseUrl,
          config.originatorId,
          config.endPointId,
          config.clientId,
          config.clientSecret,
          config.fixedCostCents,
          config.percentBasisPoints,
          config.updatedBy,
          config.updatedAt,
        ],
      );
      await insertAuditEvent(tx, audit, config.updatedAt);
    });
  }

  async getReturnKey(): Promise<string> {
    const row = await this.db.get<{ secret: string }>('SELECT secret FROM payment_keys WHERE id = 1');
    if (!row) throw new Error('payment_keys has no key (migration 100 not applied)');
    return row.secret;
  }

  createPending(pending: PendingPayment): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run(
        `INSERT INTO pending_payments (id, tenant, service, version, data, amount_cents, provider, status, created_at, updated_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
        [pending.id, pending.tenant, pending.service, pending.version, JSON.stringify(pending.data), pending.amountCents, pending.provider, pending.createdAt, pending.updatedAt, pending.expiresAt],
      );
    });
  }

  attachTransaction(id: string, transactionId: string, paypageUrl: string, at: string): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run('UPDATE pending_payments SET transaction_id = ?, paypage_url = ?, updated_at = ? WHERE id = ?', [transactionId, paypageUrl, at, id]);
    });
  }

  async getPending(id: string): Promise<PendingPayment | undefined> {
    const row = await this.db.get<PendingRow>('SELECT * FROM pending_payments WHERE id = ?', [id]);
    if (!row) return undefined;
    return {
      id: row.id,
      tenant: row.tenant,
      service: row.service,
      version: row.version,
      data: row.data === null ? undefined : (JSON.parse(row.data) as unknown),
      amountCents: row.amount_cents,
      provider: row.provider,
      transactionId: row.transaction_id ?? undefined,
      paypageUrl: row.paypage_url ?? undefined,
      status: row.status,
      submissionId: row.submission_id ?? undefined,
      reference: row.reference ?? undefined,
      providerReference: row.provider_reference ?? undefined,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      expiresAt: row.expires_at,
    };
  }

  markUnpaid(id: string, status: 'cancelled' | 'failed', at: string, audit: AuditEventInput): Promise<boolean> {
    return this.db.write(async (tx) => {
      const changed = await tx.run("UPDATE pending_payments SET status = ?, updated_at = ? WHERE id = ? AND status = 'open'", [status, at, id]);
      if (changed > 0) await insertAuditEvent(tx, audit, at);
      return changed > 0;
    });
  }

  completePaid(pendingId: string, payment: ConfirmedPayment, tenant: string, audit: AuditEventInput): Promise<'done' | 'already'> {
    return this.db.write(async (tx) => {
      const changed = await tx.run(
        `UPDATE pending_payments SET status = 'paid', data = NULL, submission_id = ?, reference = ?, provider_reference = ?, updated_at = ?
         WHERE id = ? AND status = 'open'`,
        [payment.submissionId, payment.reference, payment.providerReference ?? null, payment.paidAt, pendingId],
      );
      if (changed === 0) return 'already';
      await tx.run(
        `INSERT INTO payments (submission_id, tenant, service, amount_cents, provider, paid_at, recorded_by, provider_reference, transaction_id, transaction_cost_cents)
         VALUES (?, ?, ?, ?, 'xbezahldienste', ?, 'provider', ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING`,
        [payment.submissionId, tenant, payment.service, payment.amountCents, payment.paidAt, payment.providerReference ?? null, payment.transactionId, payment.transactionCostCents],
      );
      await insertAuditEvent(tx, audit, payment.paidAt);
      return 'done';
    });
  }

  expire(now: string): Promise<number> {
    return this.db.write(async (tx) => {
      const expired = await tx.run("UPDATE pending_payments SET status = 'expired', data = NULL, updated_at = ? WHERE status = 'open' AND expires_at <= ?", [now, now]);
      await tx.run('UPDATE pending_payments SET data = NULL WHERE data IS NOT NULL AND expires_at <= ?', [now]);
      return expired;
    });
  }

  async listForSubmissions(tenant: string, submissionIds: readonly string[]): Promise<Map<string, SubmissionPayment>> {
    const result = new Map<string, SubmissionPayment>();
    if (submissionIds.length === 0) return result;
    const rows = await this.db.all<PaymentRow>(
      `SELECT submission_id, amount_cents, provider, provider_reference, transaction_id, paid_at, transaction_cost_cents, refunded_at,
         refund_reason, refund_sent FROM payments WHERE tenant = ? AND submission_id = ANY(?::text[])`,
      [tenant, [...submissionIds]],
    );
    for (const row of rows) result.set(row.submission_id, toSubmissionPayment(row));
    return result;
  }

  refund(tenant: string, submissionId: string, at: string, reason: string, sent: boolean, audit: AuditEventInput): Promise<'refunded' | 'not-found' | 'already'> {
    return this.db.write(async (tx) => {
      const row = await tx.get<{ refunded_at: string | null }>('SELECT refunded_at FROM payments WHERE tenant = ? AND submission_id = ? FOR UPDATE', [tenant, submissionId]);
      if (!row) return 'not-found';
      if (row.refunded_at !== null) return 'already';
      await tx.run('UPDATE payments SET refunded_at = ?, refund_reason = ?, refund_sent = ? WHERE tenant = ? AND submission_id = ?', [at, reason, sent ? 1 : 0, tenant, submissionId]);
      await insertAuditEvent(tx, audit, at);
      return 'refunded';
    });
  }

  report(from: string, before: string, tenant?: string): Promise<PaymentReportRow[]> {
    return this.db.all<PaymentReportRow>(
      `SELECT tenant, service, count(*) AS count, sum(amount_cents) AS "amountCents", sum(transaction_cost_cents) AS "transactionCostCents",
         count(refunded_at) AS "refundedCount"
       FROM payments WHERE paid_at >= ? AND paid_at < ? ${tenant === undefined ? '' : 'AND tenant = ?'}
       GROUP BY tenant, service ORDER BY tenant, service`,
      tenant === undefined ? [from, before] : [from, before, tenant],
    );
  }
}

function toSubmissionPayment(row: PaymentRow): SubmissionPayment {
  return {
    submissionId: row.submission_id,
    amountCents: row.amount_cents,
    provider: row.provider,
    providerReference: row.provider_reference ?? undefined,
    transactionId: row.transaction_id ?? undefined,
    paidAt: row.paid_at,
    transactionCostCents: row.transaction_cost_cents,
    state: row.refunded_at === null ? 'bezahlt' : 'erstattet',
    refundedAt: row.refunded_at ?? undefined,
    refundReason: row.refund_reason ?? undefined,
    refundSent: row.refund_sent === 1,
  };
}

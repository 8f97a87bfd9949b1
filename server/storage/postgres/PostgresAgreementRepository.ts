import type { PopulationFigure } from '../../../engine/agreement/types.ts';
import type {
  AgreementRepository,
  ParticipantInterface,
  Payment,
  PaymentUsage,
  ServiceCost,
  StoredPopulationFigure,
  StoredTermination,
} from '../AgreementRepository.ts';
import type { AuditEventInput } from '../AuditRepository.ts';
import { CrossProcessCache } from './CrossProcessCache.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface PopulationRow {
  reference_date: string;
  municipality_key: string;
  population: number;
  source: string;
  official: number;
  imported_at: string;
  imported_by: string;
}
interface CostRow {
  service: string;
  year: number;
  amount_cents: number;
  updated_at: string;
  updated_by: string;
}
interface TerminationRow {
  tenant: string;
  notice_date: string;
  ends_on: string;
  recorded_by: string;
  recorded_at: string;
}

/**
 * PostgreSQL tables of migration 20. Terminations are read on every public request, so they are a CrossProcessCache:
 * a termination recorded or withdrawn by any process is seen by every process within half a second.
 */
export class PostgresAgreementRepository implements AgreementRepository {
  private readonly terminations: CrossProcessCache<Map<string, StoredTermination>>;

  constructor(private readonly db: PostgresDatabase) {
    this.terminations = new CrossProcessCache(db, 'terminations', async () => {
      const rows = await db.all<TerminationRow>('SELECT * FROM terminations');
      return new Map(
        rows.map((row) => [
          row.tenant,
          Object.freeze({
            tenant: row.tenant,
            noticeDate: row.notice_date,
            endsOn: row.ends_on,
            recordedBy: row.recorded_by,
            recordedAt: row.recorded_at,
          }),
        ]),
      );
    });
  }

  async listPopulation(): Promise<StoredPopulationFigure[]> {
    const rows = await this.db.all<PopulationRow>(
      'SELECT * FROM population_figures ORDER BY reference_date COLLATE "C", municipality_key COLLATE "C"',
    );
    return rows.map((row) => ({
      referenceDate: row.reference_date,
      municipalityKey: row.municipality_key,
      population: row.population,
      source: row.source,
      official: row.official === 1,
      importedAt: row.imported_at,
      importedBy: row.imported_by,
    }));
  }

  savePopulation(
    figures: readonly PopulationFigure[],
    by: string,
    options: { overwrite: boolean; audit?: AuditEventInput },
  ): Promise<number> {
    const at = new Date().toISOString();
    return this.db.write(async (tx) => {
      let written = 0;
      for (const figure of figures) {
        written += await tx.run(
          `INSERT INTO population_figures (reference_date, municipality_key, population, source, official, imported_at, imported_by)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference_date, municipality_key) DO ${
             options.overwrite
               ? 'UPDATE SET population = excluded.population, source = excluded.source, official = excluded.official, imported_at = excluded.imported_at, imported_by = excluded.imported_by'
               : 'NOTHING'
           }`,
          [figure.referenceDate, figure.municipalityKey, figure.population, figure.source, figure.official ? 1 : 0, at, by],
        );
      }
      if (options.audit) await insertAuditEvent(tx, { ...options.audit, details: { ...options.audit.details, written } }, at);
      return written;
    });
  }

  async listCosts(year: number): Promise<ServiceCost[]> {
    const rows = await this.db.all<CostRow>('SELECT * FROM service_costs WHERE year = ? ORDER BY service COLLATE "C"', [year]);
    return rows.map((row) => ({
      service: row.service,
      year: row.year,
      amountCents: row.amount_cents,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    }));
  }

  async saveCost(cost: ServiceCost, audit: AuditEventInput): Promise<ServiceCost> {
    await this.db.write(async (tx) => {
      await tx.run(
        `INSERT INTO service_costs (service, year, amount_cents, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (service, year) DO UPDATE SET amount_cents = excluded.amount_cents, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [cost.service, cost.year, cost.amountCents, cost.updatedAt, cost.updatedBy],
      );
      await insertAuditEvent(tx, audit, cost.updatedAt);
    });
    return { ...cost };
  }

  async listTerminations(): Promise<StoredTermination[]> {
    return [...(await this.terminations.get()).values()].sort((a, b) => a.tenant.localeCompare(b.tenant));
  }

  async getTermination(tenant: string): Promise<StoredTermination | undefined> {
    return (await this.terminations.get()).get(tenant);
  }

  async createTermination(termination: StoredTermination, audit: AuditEventInput): Promise<'created' | 'exists'> {
    const created = await this.db.write(async (tx) => {
      const inserted = await tx.run(
        `INSERT INTO terminations (tenant, notice_date, ends_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant) DO NOTHING`,
        [termination.tenant, termination.noticeDate, termination.endsOn, termination.recordedBy, termination.recordedAt],
      );
      if (inserted !== 1) return false;
      await insertAuditEvent(tx, audit, termination.recordedAt);
      await this.terminations.notify(tx);
      return true;
    });
    if (!created) return 'exists';
    this.terminations.invalidate();
    return 'created';
  }

  async deleteTermination(tenant: string, audit: AuditEventInput): Promise<boolean> {
    const deleted = await this.db.write(async (tx) => {
      const count = await tx.run('DELETE FROM terminations WHERE tenant = ?', [tenant]);
      if (count !== 1) return false;
      await insertAuditEvent(tx, audit);
      await this.terminations.notify(tx);
      return true;
    });
    if (deleted) this.terminations.invalidate();
    return deleted;
  }

  async listInterfaces(tenant: string): Promise<ParticipantInterface[]> {
    return this.db.all<ParticipantInterface>(
      'SELECT name, kind, since FROM participant_interfaces WHERE tenant = ? ORDER BY since COLLATE "C", name COLLATE "C", id',
      [tenant],
    );
  }

  async replaceInterfaces(
    tenant: string,
    interfaces: readonly ParticipantInterface[],
    by: string,
    audit: AuditEventInput,
  ): Promise<void> {
    const at = new Date().toISOString();
    await this.db.write(async (tx) => {
      await tx.run('DELETE FROM participant_interfaces WHERE tenant = ?', [tenant]);
      for (const entry of interfaces) {
        await tx.run(
          'INSERT INTO participant_interfaces (tenant, name, kind, since, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
          [tenant, entry.name, entry.kind, entry.since, by, at],
        );
      }
      await insertAuditEvent(tx, audit, at);
    });
  }

  recordPayment(payment: Omit<Payment, 'service'>, audit: AuditEventInput): Promise<Payment | 'no-submission' | 'exists'> {
    return this.db.write(async (tx) => {
      const submission = await tx.get<{ service: string }>('SELECT service FROM submissions WHERE id = ? AND tenant = ?', [
        payment.submissionId,
        payment.tenant,
      ]);
      if (!submission) return 'no-submission';
      const inserted = await tx.run(
        `INSERT INTO payments (submission_id, tenant, service, amount_cents, provider, paid_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING`,
        [payment.submissionId, payment.tenant, submission.service, payment.amountCents, payment.provider, payment.paidAt, payment.recordedBy],
      );
      if (inserted === 0) return 'exists';
      await insertAuditEvent(tx, audit);
      return { ...payment, service: submission.service };
    });
  }

  sumPayments(tenant: string, from: string, before: string): Promise<PaymentUsage[]> {
    // SUM of a bigint is numeric (a string in node-pg): cast back; quoted alias keeps its case.
    return this.db.all<PaymentUsage>(
      `SELECT provider, COUNT(*) AS count, SUM(amount_cents)::bigint AS "sumCents" FROM payments
       WHERE tenant = ? AND paid_at >= ? AND paid_at < ? GROUP BY provider ORDER BY provider COLLATE "C"`,
      [tenant, from, before],
    );
  }
}

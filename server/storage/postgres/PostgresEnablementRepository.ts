import type { AuditEventInput } from '../AuditRepository.ts';
import type { EnablementRepository, StoredEnablement } from '../EnablementRepository.ts';
import { CrossProcessCache } from './CrossProcessCache.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { PostgresDatabase, PostgresTransaction } from './PostgresDatabase.ts';

interface EnablementRow {
  tenant: string;
  service: string;
  enabled: number;
  version_policy: string;
  agreed_on: string;
  changed_by: string;
  changed_at: string;
}

/**
 * PostgreSQL enablements. The table is small (participants x services) and read on every public request, so it is a
 * CrossProcessCache: a change by any process is served by every process within half a second (at once after its
 * NOTIFY, and at once in the changing process).
 */
export class PostgresEnablementRepository implements EnablementRepository {
  private readonly cache: CrossProcessCache<Map<string, StoredEnablement>>;

  constructor(private readonly db: PostgresDatabase) {
    this.cache = new CrossProcessCache(db, 'enablements', async () => {
      const rows = await db.all<EnablementRow>('SELECT * FROM enablements');
      return new Map(rows.map((row) => [cacheKey(row.tenant, row.service), toEnablement(row)]));
    });
  }

  async get(tenant: string, service: string): Promise<StoredEnablement | undefined> {
    return (await this.cache.get()).get(cacheKey(tenant, service));
  }

  async listByTenant(tenant: string): Promise<StoredEnablement[]> {
    return (await this.listAll()).filter((enablement) => enablement.tenant === tenant);
  }

  async listAll(): Promise<StoredEnablement[]> {
    return [...(await this.cache.get()).values()].sort((a, b) => a.tenant.localeCompare(b.tenant) || a.service.localeCompare(b.service));
  }

  async save(enablement: StoredEnablement, audit: AuditEventInput): Promise<StoredEnablement> {
    const saved = Object.freeze({ ...enablement });
    await this.db.write(async (tx) => {
      await upsert(tx, saved, true);
      await insertAuditEvent(tx, audit, saved.changedAt);
      await this.cache.notify(tx);
    });
    this.cache.invalidate();
    return saved;
  }

  async seed(enablements: readonly StoredEnablement[]): Promise<number> {
    const inserted = await this.db.write(async (tx) => {
      let count = 0;
      for (const enablement of enablements) count += await upsert(tx, enablement, false);
      if (count > 0) await this.cache.notify(tx);
      return count;
    });
    this.cache.invalidate();
    return inserted;
  }
}

function toEnablement(row: EnablementRow): StoredEnablement {
  return Object.freeze({
    tenant: row.tenant,
    service: row.service,
    enabled: row.enabled === 1,
    versionPolicy: row.version_policy,
    agreedOn: row.agreed_on,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  });
}

function cacheKey(tenant: string, service: string): string {
  return `${tenant}\u0000${service}`;
}

function upsert(tx: PostgresTransaction, e: StoredEnablement, replace: boolean): Promise<number> {
  return tx.run(
    `INSERT INTO enablements (tenant, service, enabled, version_policy, agreed_on, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tenant, service) DO ${
       replace
         ? 'UPDATE SET enabled = excluded.enabled, version_policy = excluded.version_policy, agreed_on = excluded.agreed_on, changed_by = excluded.changed_by, changed_at = excluded.changed_at'
         : 'NOTHING'
     }`,
    [e.tenant, e.service, e.enabled ? 1 : 0, e.versionPolicy, e.agreedOn, e.changedBy, e.changedAt],
  );
}

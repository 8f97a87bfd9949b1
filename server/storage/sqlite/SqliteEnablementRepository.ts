import type { AuditEventInput } from '../AuditRepository.ts';
import type { EnablementRepository, StoredEnablement } from '../EnablementRepository.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

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
 * SQLite enablements. The table is small (participants x services) and read on every public request, so it is
 * loaded once and kept in memory; writes through this repository update the memory copy after their commit.
 */
export class SqliteEnablementRepository implements EnablementRepository {
  private cache: Map<string, StoredEnablement> | undefined;
  private loading: Promise<Map<string, StoredEnablement>> | undefined;

  constructor(private readonly db: SqliteDatabase) {}

  async get(tenant: string, service: string): Promise<StoredEnablement | undefined> {
    return (await this.load()).get(cacheKey(tenant, service));
  }

  async listByTenant(tenant: string): Promise<StoredEnablement[]> {
    return (await this.listAll()).filter((enablement) => enablement.tenant === tenant);
  }

  async listAll(): Promise<StoredEnablement[]> {
    return [...(await this.load()).values()].sort((a, b) => a.tenant.localeCompare(b.tenant) || a.service.localeCompare(b.service));
  }

  async save(enablement: StoredEnablement, audit: AuditEventInput): Promise<StoredEnablement> {
    const cache = await this.load();
    const saved = Object.freeze({ ...enablement });
    await this.db.write(async (tx) => {
      await upsert(tx, saved, true);
      await insertAuditEvent(tx, audit, saved.changedAt);
    });
    cache.set(cacheKey(saved.tenant, saved.service), saved);
    return saved;
  }

  async seed(enablements: readonly StoredEnablement[]): Promise<number> {
    const inserted = await this.db.write(async (tx) => {
      let count = 0;
      for (const enablement of enablements) count += await upsert(tx, enablement, false);
      return count;
    });
    this.cache = undefined;
    this.loading = undefined;
    return inserted;
  }

  private load(): Promise<Map<string, StoredEnablement>> {
    if (this.cache) return Promise.resolve(this.cache);
    this.loading ??= this.db.all<EnablementRow>('SELECT * FROM enablements').then((rows) => {
      const cache = new Map<string, StoredEnablement>();
      for (const row of rows) {
        cache.set(
          cacheKey(row.tenant, row.service),
          Object.freeze({
            tenant: row.tenant,
            service: row.service,
            enabled: row.enabled === 1,
            versionPolicy: row.version_policy,
            agreedOn: row.agreed_on,
            changedBy: row.changed_by,
            changedAt: row.changed_at,
          }),
        );
      }
      this.cache = cache;
      return cache;
    });
    return this.loading;
  }
}

function cacheKey(tenant: string, service: string): string {
  return `${tenant}\u0000${service}`;
}

async function upsert(
  tx: { run(sql: string, params?: readonly unknown[]): Promise<number> },
  e: StoredEnablement,
  replace: boolean,
): Promise<number> {
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

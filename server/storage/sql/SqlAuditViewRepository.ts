import type { AuditEvent } from '../AuditRepository.ts';
import type { AuditViewQuery, AuditViewRepository } from '../AuditViewRepository.ts';
import type { SqlDatabase } from './SqlDatabase.ts';
import { toAuditEvent, type AuditRow } from './toAuditEvent.ts';

/** Read side of audit_events for the audit view; always restricted to one participant. */
export class SqlAuditViewRepository implements AuditViewRepository {
  constructor(private readonly db: SqlDatabase) {}

  async search(query: AuditViewQuery): Promise<{ total: number; events: AuditEvent[] }> {
    const where = ['tenant = ?'];
    const params: unknown[] = [query.tenant];
    if (query.actor !== undefined) (where.push('actor = ?'), params.push(query.actor));
    if (query.action !== undefined) (where.push('action = ?'), params.push(query.action));
    if (query.from !== undefined) (where.push('at >= ?'), params.push(query.from));
    if (query.to !== undefined) (where.push('at < ?'), params.push(query.to));
    const clause = where.join(' AND ');
    const count = await this.db.get<{ total: number }>(`SELECT count(*) AS total FROM audit_events WHERE ${clause}`, params);
    const rows = await this.db.all<AuditRow>(`SELECT * FROM audit_events WHERE ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`, [
      ...params,
      query.limit,
      query.offset,
    ]);
    return { total: count?.total ?? 0, events: rows.map(toAuditEvent) };
  }

  async listActions(tenant: string): Promise<string[]> {
    const rows = await this.db.all<{ action: string }>('SELECT DISTINCT action FROM audit_events WHERE tenant = ?', [tenant]);
    // Sorted here, by code unit: the same order on both backends whatever PostgreSQL's collation.
    return rows.map((row) => row.action).sort();
  }
}

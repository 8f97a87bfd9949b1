import type { AuditEvent } from '../AuditRepository.ts';
import type { AuditViewQuery, AuditViewRepository } from '../AuditViewRepository.ts';
import { toAuditEvent, type AuditRow } from '../sqlite/toAuditEvent.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

/** PostgreSQL read side of audit_events for the audit view; always restricted to one participant. */
export class PostgresAuditViewRepository implements AuditViewRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async search(query: AuditViewQuery): Promise<{ total: number; events: AuditEvent[] }> {
    const where = ['tenant = ?'];
    const params: unknown[] = [query.tenant];
    if (query.actor !== undefined) (where.push('actor = ?'), params.push(query.actor));
    if (query.action !== undefined) (where.push('action = ?'), params.push(query.action));
    // ISO instants of one format compare as text in time order (any collation), as in SQLite.
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
    const rows = await this.db.all<{ action: string }>('SELECT DISTINCT action COLLATE "C" AS action FROM audit_events WHERE tenant = ? ORDER BY 1', [tenant]);
    return rows.map((row) => row.action);
  }
}

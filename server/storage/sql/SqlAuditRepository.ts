import type { AuditEvent, AuditEventInput, AuditQuery, AuditRepository } from '../AuditRepository.ts';
import { insertAuditEvent } from './insertAuditEvent.ts';
import type { SqlDatabase } from './SqlDatabase.ts';
import { toAuditEvent, type AuditRow } from './toAuditEvent.ts';

/** The audit trail (table audit_events), on either backend. */
export class SqlAuditRepository implements AuditRepository {
  constructor(private readonly db: SqlDatabase) {}

  async append(event: AuditEventInput): Promise<void> {
    await this.db.write((tx) => insertAuditEvent(tx, event));
  }

  async list(query: AuditQuery): Promise<AuditEvent[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.tenant !== undefined) (where.push('tenant = ?'), params.push(query.tenant));
    if (query.action !== undefined) (where.push('action = ?'), params.push(query.action));
    if (query.subject !== undefined) (where.push('subject = ?'), params.push(query.subject));
    const rows = await this.db.all<AuditRow>(
      `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
      [...params, Math.min(query.limit ?? 100, 1000)],
    );
    return rows.map(toAuditEvent);
  }
}

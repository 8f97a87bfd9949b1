import type { AuditEventInput } from '../AuditRepository.ts';
import type { SqlTransaction } from './SqlDatabase.ts';

/** Appends an audit event inside a write transaction (either backend), so it commits (or not) together with the change it records. */
export async function insertAuditEvent(tx: SqlTransaction, event: AuditEventInput, at: string = new Date().toISOString()): Promise<void> {
  await tx.run('INSERT INTO audit_events (at, tenant, actor, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)', [
    at,
    event.tenant,
    event.actor,
    event.action,
    event.subject,
    JSON.stringify(event.details ?? {}),
  ]);
}

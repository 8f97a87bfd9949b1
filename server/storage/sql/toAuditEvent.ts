import type { AuditEvent } from '../AuditRepository.ts';

/** A row of audit_events as SQLite returns it (details as JSON text). */
export interface AuditRow {
  seq: number;
  at: string;
  tenant: string | null;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
}

/** The audit event of a row. */
export function toAuditEvent(row: AuditRow): AuditEvent {
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

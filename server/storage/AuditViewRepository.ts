import type { AuditEvent } from './AuditRepository.ts';

/** A page of a participant's audit trail, filtered by actor, action and time (ISO instants, `from` inclusive, `to` exclusive). */
export interface AuditViewQuery {
  tenant: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

/** Read side of the audit trail for the admins' audit view. */
export interface AuditViewRepository {
  /** Newest first, with the total number of matching events. */
  search(query: AuditViewQuery): Promise<{ total: number; events: AuditEvent[] }>;
  /** The distinct actions recorded for the participant (for the filter). */
  listActions(tenant: string): Promise<string[]>;
}

/** An audit event to record. `details` holds ids, codes and counts only: never personal data. */
export interface AuditEventInput {
  tenant: string | null;
  /** User id, or 'system' / 'catalogue' for jobs. */
  actor: string;
  /** Dotted action name, e.g. 'submission.status_changed', 'enablement.changed', 'submission.erased'. */
  action: string;
  /** Id of the thing acted on, e.g. a submission id or a service id. */
  subject: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEvent extends Required<AuditEventInput> {
  seq: number;
  at: string;
}

export interface AuditQuery {
  tenant?: string;
  action?: string;
  subject?: string;
  limit?: number;
}

/** The append-only audit trail. */
export interface AuditRepository {
  append(event: AuditEventInput): Promise<void>;
  /** Newest first. */
  list(query: AuditQuery): Promise<AuditEvent[]>;
}

import type { Enablement } from '../../engine/index.ts';
import type { AuditEventInput } from './AuditRepository.ts';

/** An enablement with its last change. */
export interface StoredEnablement extends Enablement {
  changedBy: string;
  changedAt: string;
}

/** Which participant offers which service, under which version policy (§ 1 (3) of the agreement). */
export interface EnablementRepository {
  get(tenant: string, service: string): Promise<StoredEnablement | undefined>;
  /** All enablements of a participant (also disabled ones), ordered by service. */
  listByTenant(tenant: string): Promise<StoredEnablement[]>;
  /** All enablements of all participants. */
  listAll(): Promise<StoredEnablement[]>;
  /** Creates or replaces an enablement and records the audit event in the same transaction. */
  save(enablement: StoredEnablement, audit: AuditEventInput): Promise<StoredEnablement>;
  /** Inserts seed enablements that do not exist yet; never overwrites a participant's own decision. Returns how many were inserted. */
  seed(enablements: readonly StoredEnablement[]): Promise<number>;
}

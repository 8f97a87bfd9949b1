import type { LocalDetails } from '../../contract/staffApi.ts';
export type { LocalDetails } from '../../contract/staffApi.ts';

/** Local details per participant and service. */
export interface LocalDetailsRepository {
  get(tenant: string, serviceId: string): Promise<LocalDetails | undefined>;
  listByTenant(tenant: string): Promise<(LocalDetails & { serviceId: string })[]>;
  /** Creates or replaces a participant's details for a service. */
  put(tenant: string, serviceId: string, details: LocalDetails, updatedAt: string, updatedBy: string): Promise<void>;
  /** Inserts details only where a participant has none for the service yet (seeding); returns how many were inserted. */
  seed(entries: readonly { tenant: string; serviceId: string; details: LocalDetails }[], updatedAt: string): Promise<number>;
}

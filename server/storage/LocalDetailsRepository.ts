/** A participant's own details for one service, shown on its portal's service page. */
export interface LocalDetails {
  office: string;
  contact: string;
  phone: string;
  email: string;
  notificationEmail: string;
  openingHours: string;
}

/** Local details per participant and service. */
export interface LocalDetailsRepository {
  get(tenant: string, serviceId: string): Promise<LocalDetails | undefined>;
  listByTenant(tenant: string): Promise<(LocalDetails & { serviceId: string })[]>;
  /** Creates or replaces a participant's details for a service. */
  put(tenant: string, serviceId: string, details: LocalDetails, updatedAt: string, updatedBy: string): Promise<void>;
}

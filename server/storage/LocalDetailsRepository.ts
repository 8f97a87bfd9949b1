/** A participant's own details for one service, shown on its portal's service page. */
export interface LocalDetails {
  office: string;
  contact: string;
  phone: string;
  email: string;
  notificationEmail: string;
  openingHours: string;
  /** Postal address of the responsible office (street, postcode and town; line breaks kept). */
  address: string;
  /** Local fee amounts by the key of a fee in the definition's serviceInfo.fees (German text, e.g. '30,00 Euro'). */
  feeAmounts: Record<string, string>;
}

/** Local details per participant and service. */
export interface LocalDetailsRepository {
  get(tenant: string, serviceId: string): Promise<LocalDetails | undefined>;
  listByTenant(tenant: string): Promise<(LocalDetails & { serviceId: string })[]>;
  /** Creates or replaces a participant's details for a service. */
  put(tenant: string, serviceId: string, details: LocalDetails, updatedAt: string, updatedBy: string): Promise<void>;
  /** Inserts details only where a participant has none for the service yet (seeding); returns how many were inserted. */
  seed(entries: readonly { tenant: string; serviceId: string; details: LocalDetails }[], updatedAt: string): Promise<number>;
}

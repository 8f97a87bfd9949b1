import type { Storage } from '../storage/Storage.ts';

/** The local details a participant's portal shows on a service page (the notification address stays internal). */
export interface PublicLocalDetails {
  office: string;
  contact: string;
  phone: string;
  email: string;
  openingHours: string;
  address: string;
  feeAmounts: Record<string, string>;
}

/** The participant's public local details of a service, or null when it recorded none. */
export async function getPublicLocalDetails(storage: Pick<Storage, 'localDetails'>, tenant: string, service: string): Promise<PublicLocalDetails | null> {
  const details = await storage.localDetails.get(tenant, service);
  if (!details) return null;
  const { notificationEmail: _internal, ...shown } = details;
  return shown;
}

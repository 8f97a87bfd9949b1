import type { Storage } from '../storage/Storage.ts';
import type { PublicLocalDetails } from '../../contract/portalApi.ts';
export type { PublicLocalDetails } from '../../contract/portalApi.ts';

/** The participant's public local details of a service, or null when it recorded none. */
export async function getPublicLocalDetails(storage: Pick<Storage, 'localDetails'>, tenant: string, service: string): Promise<PublicLocalDetails | null> {
  const details = await storage.localDetails.get(tenant, service);
  if (!details) return null;
  const { notificationEmail: _internal, ...shown } = details;
  return shown;
}

import { portalApi, type ServedDefinition } from './portalApi.ts';

const cache = new Map<string, Promise<ServedDefinition>>();

/** The served definition of a service, fetched once per page load (service page and form share it). */
export function loadService(tenant: string, service: string): Promise<ServedDefinition> {
  const key = `${tenant}/${service}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = portalApi.getService(tenant, service);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

import type { AppDeps } from '../AppDeps.ts';
import { getServiceEnablement, type ServiceEnablement } from './getServiceEnablement.ts';

/** Every published service with the tenant's enablement of it (for the staff catalogue screen). */
export async function listServiceEnablements(deps: AppDeps, tenant: string): Promise<ServiceEnablement[]> {
  const items: ServiceEnablement[] = [];
  for (const service of await deps.storage.formVersions.listServiceIds()) items.push(await getServiceEnablement(deps, tenant, service));
  return items;
}

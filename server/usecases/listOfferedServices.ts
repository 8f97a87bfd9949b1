import { resolveServedVersion } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { OfferedService } from '../../contract/portalApi.ts';
export type { OfferedService } from '../../contract/portalApi.ts';

/** The services a participant offers now, each with the version it serves; 404 TENANT_NOT_FOUND for an unknown slug. */
export async function listOfferedServices(deps: AppDeps, tenant: string): Promise<OfferedService[]> {
  if (!(await deps.storage.participants.get(tenant))) throw createHttpError('TENANT_NOT_FOUND');
  const offered: OfferedService[] = [];
  for (const enablement of await deps.storage.enablements.listByTenant(tenant)) {
    const served = resolveServedVersion(enablement, await deps.storage.formVersions.listVersions(enablement.service));
    if (!served.ok) continue;
    const formVersion = await deps.storage.formVersions.get(enablement.service, served.version);
    if (!formVersion) continue;
    const d = formVersion.definition;
    offered.push({
      id: d.id,
      version: d.version,
      title: d.title,
      description: d.description,
      category: d.category ?? null,
      keywords: d.keywords ?? [],
      leikaKey: d.leikaKey ?? null,
      lead: d.lead,
    });
  }
  return offered.sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

import { resolveServedVersion } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { getEnableChecklist } from './getEnableChecklist.ts';
import { listMissingLegalParts } from './legalPages.ts';

/** What `GET /healthz?detail` tells a signed-in staff user about its own participant's portal. */
export interface HealthDetail {
  status: 'ok' | 'incomplete';
  participant: string;
  /** German labels of the legal page parts still missing. */
  legalPages: { missing: string[] };
  /** Enabled services whose checklist is incomplete, with the German labels of what is missing. */
  services: { service: string; missing: string[] }[];
}

/** The portal's completeness for the user's participant: legal pages and the checklist of each offered service. */
export async function getHealthDetail(deps: AppDeps, user: StaffUser): Promise<HealthDetail> {
  const missingLegal = listMissingLegalParts(await deps.storage.legalPages.get(user.tenant));
  const services: HealthDetail['services'] = [];
  for (const enablement of await deps.storage.enablements.listByTenant(user.tenant)) {
    const served = resolveServedVersion(enablement, await deps.storage.formVersions.listVersions(enablement.service));
    if (!served.ok) continue;
    const formVersion = await deps.storage.formVersions.get(enablement.service, served.version);
    if (!formVersion) continue;
    const checklist = await getEnableChecklist(deps.storage, user.tenant, enablement.service, formVersion.definition);
    const missing = checklist.items.filter((item) => !item.done && !item.key.startsWith('legal.')).map((item) => item.label);
    if (missing.length > 0) services.push({ service: enablement.service, missing });
  }
  return {
    status: missingLegal.length === 0 && services.length === 0 ? 'ok' : 'incomplete',
    participant: user.tenant,
    legalPages: { missing: missingLegal },
    services,
  };
}

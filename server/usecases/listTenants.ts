import type { AppDeps } from '../AppDeps.ts';
import { getParticipantStatus, type ParticipantStatus } from './getParticipantStatus.ts';

export interface TenantSummary extends ParticipantStatus {
  slug: string;
  key: string;
  name: string;
  shortName: string;
  portalName: string;
  kind: 'kreis' | 'kommune';
}

/** The participants with their portal names and whether they take submissions (§ 3 (3)), the Kreis first. */
export async function listTenants(deps: AppDeps): Promise<TenantSummary[]> {
  const participants = await deps.storage.participants.list();
  return Promise.all(participants.map(async ({ slug, key, name, shortName, portalName, kind }) => ({
    slug,
    key,
    name,
    shortName,
    portalName,
    kind,
    ...(await getParticipantStatus(deps.storage, slug, deps.now())),
  })));
}

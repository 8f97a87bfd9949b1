import type { FormDefinition } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getParticipantStatus, type ParticipantStatus } from './getParticipantStatus.ts';
import { getPublicLocalDetails, type PublicLocalDetails } from './getPublicLocalDetails.ts';
import { resolveServedService } from './resolveServedService.ts';

export type ServedDefinition = Omit<FormDefinition, '$schema' | 'source'> & {
  tenant: { slug: string; name: string; portalName: string };
  /** The participant's own details for this service (office, contact, opening hours), null when none. */
  local: PublicLocalDetails | null;
} & ParticipantStatus;

/** The definition a participant serves for a service (without internal source notes), with the participant's names. */
export async function getServedDefinition(deps: AppDeps, tenant: string, service: string): Promise<ServedDefinition> {
  const { participant, formVersion } = await resolveServedService(deps, tenant, service);
  const { $schema: _schemaUri, source: _source, ...definition } = formVersion.definition;
  const local = await getPublicLocalDetails(deps.storage, participant.slug, service);
  return { ...definition, tenant: { slug: participant.slug, name: participant.name, portalName: participant.portalName }, local, ...(await getParticipantStatus(deps.storage, participant.slug, deps.now())) };
}

import type { FormDefinition } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getParticipantStatus, type ParticipantStatus } from './getParticipantStatus.ts';
import { getPublicLocalDetails, type PublicLocalDetails } from './getPublicLocalDetails.ts';
import { resolveServedService } from './resolveServedService.ts';

/** A fee as the citizen sees it: the participant's local amount, else the Kreis' default, else null (not yet known). */
export interface ServedFee {
  key: string;
  label: string;
  amount: string | null;
  note: string | null;
}

export type ServedDefinition = Omit<FormDefinition, '$schema' | 'source'> & {
  tenant: { slug: string; name: string; portalName: string };
  /** The participant's own details for this service (office, address, contact, opening hours), null when none. */
  local: PublicLocalDetails | null;
  /** The fees with the participant's local amounts applied. */
  fees: ServedFee[];
  /** The Art. 13 GDPR facts from the participant's Datenschutzerklärung (safe text), null while it has none. */
  privacyNotice: { controller: string; officer: string } | null;
} & ParticipantStatus;

/** The definition a participant serves for a service (without internal source notes), with the participant's names. */
export async function getServedDefinition(deps: AppDeps, tenant: string, service: string): Promise<ServedDefinition> {
  const { participant, formVersion } = await resolveServedService(deps, tenant, service);
  const { $schema: _schemaUri, source: _source, ...definition } = formVersion.definition;
  const [local, pages] = await Promise.all([getPublicLocalDetails(deps.storage, participant.slug, service), deps.storage.legalPages.get(participant.slug)]);
  const fees = (definition.serviceInfo?.fees ?? []).map((fee) => ({
    key: fee.key,
    label: fee.label,
    amount: local?.feeAmounts[fee.key] ?? fee.amount ?? null,
    note: fee.note ?? null,
  }));
  const privacyNotice = pages?.privacyController.trim() ? { controller: pages.privacyController, officer: pages.privacyOfficer } : null;
  return {
    ...definition,
    tenant: { slug: participant.slug, name: participant.name, portalName: participant.portalName },
    local,
    fees,
    privacyNotice,
    ...(await getParticipantStatus(deps.storage, participant.slug, deps.now())),
  };
}

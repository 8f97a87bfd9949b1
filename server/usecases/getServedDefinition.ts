import type { AppDeps } from '../AppDeps.ts';
import { getParticipantStatus } from './getParticipantStatus.ts';
import { getPublicLocalDetails } from './getPublicLocalDetails.ts';
import { resolveServedService } from './resolveServedService.ts';
import type { ServedDefinition } from '../../contract/portalApi.ts';
export type { ServedFee, ServedDefinition } from '../../contract/portalApi.ts';

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

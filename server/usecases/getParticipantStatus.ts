import { createTerminationMessage, isAcceptingSubmissions } from '../../engine/agreement/index.ts';
import { getParticipant, todayInGermany } from '../../engine/index.ts';
import type { Storage } from '../storage/Storage.ts';
import type { ParticipantStatus } from '../../contract/portalApi.ts';
export type { ParticipantStatus } from '../../contract/portalApi.ts';

/**
 * The submission status of a participant on the German calendar day of `now`: after its end date its portal
 * takes no new submissions. Spread into public responses: `{ ...tenant, ...await getParticipantStatus(...) }`.
 */
export async function getParticipantStatus(storage: Storage, tenant: string, now: Date): Promise<ParticipantStatus> {
  const endsOn = (await storage.agreement.getTermination(tenant))?.endsOn ?? null;
  // Without a termination there is no end date to compare, so skip the (costly) German calendar day.
  const acceptsSubmissions = endsOn === null || isAcceptingSubmissions(endsOn, todayInGermany(now));
  const participant = getParticipant(tenant);
  return {
    acceptsSubmissions,
    endsOn,
    closedMessage: acceptsSubmissions || !participant || endsOn === null ? null : createTerminationMessage(participant, endsOn),
  };
}

import { createTerminationMessage, isAcceptingSubmissions } from '../../engine/agreement/index.ts';
import { getParticipant, todayInGermany } from '../../engine/index.ts';
import type { Storage } from '../storage/Storage.ts';

/** Whether a participant's portal takes new submissions, for the public tenant and service responses. */
export interface ParticipantStatus {
  acceptsSubmissions: boolean;
  /** The participant's end date after a termination notice (§ 3 (3)), else null. */
  endsOn: string | null;
  /** German notice for citizens once the portal takes no submissions, else null. */
  closedMessage: string | null;
}

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

import { createHttpError } from '../errors.ts';
import type { Storage } from '../storage/Storage.ts';
import { getParticipantStatus } from './getParticipantStatus.ts';

/**
 * Refuses a new submission to a participant that has left the agreement (§ 3 (3)) with PARTICIPANT_TERMINATED
 * (HTTP 410 Gone: the portal's intake is gone for good, no credentials or retry would help). The German notice
 * for the citizen is the first entry of `errors`. Call it in the submission use case before validating data.
 */
export async function assertAcceptsSubmissions(storage: Storage, tenant: string, now: Date): Promise<void> {
  const status = await getParticipantStatus(storage, tenant, now);
  if (status.acceptsSubmissions) return;
  throw createHttpError(
    'PARTICIPANT_TERMINATED',
    [{ pointer: '', message: status.closedMessage ?? 'Dieses Serviceportal nimmt keine Anträge mehr an.' }],
    `Participant ${tenant} left the agreement on ${status.endsOn ?? '?'}; its portal takes no new submissions.`,
  );
}

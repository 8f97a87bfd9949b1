import { buildParticipationMatrix, type ParticipationMatrix } from '../../engine/agreement/index.ts';
import { PARTICIPANTS } from '../../engine/participants.ts';
import type { Storage } from '../storage/Storage.ts';
import { listServiceLeads } from './listServiceLeads.ts';

/** The participation matrix: every published service x the eleven participants, with lead and end dates. */
export async function getParticipationReport(storage: Storage): Promise<ParticipationMatrix> {
  const [services, enablements, terminations] = await Promise.all([
    listServiceLeads(storage),
    storage.enablements.listAll(),
    storage.agreement.listTerminations(),
  ]);
  return buildParticipationMatrix({ services, participants: PARTICIPANTS, enablements, terminations });
}

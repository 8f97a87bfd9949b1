import { isAcceptingSubmissions } from '../../engine/agreement/index.ts';
import { PARTICIPANTS, todayInGermany } from '../../engine/index.ts';
import type { Storage } from '../storage/Storage.ts';

/** One participant's termination status. */
export interface TerminationStatus {
  tenant: string;
  name: string;
  kind: 'kreis' | 'kommune';
  /** active: no notice; terminating: notice given, end date not passed; ended: after the end date. */
  status: 'active' | 'terminating' | 'ended';
  noticeDate: string | null;
  endsOn: string | null;
  acceptsSubmissions: boolean;
  recordedBy: string | null;
  recordedAt: string | null;
}

/** The termination status of all eleven participants on the German calendar day of `now`. */
export async function getTerminationReport(storage: Storage, now: Date): Promise<{ today: string; items: TerminationStatus[] }> {
  const today = todayInGermany(now);
  const terminations = new Map((await storage.agreement.listTerminations()).map((entry) => [entry.tenant, entry]));
  return {
    today,
    items: PARTICIPANTS.map((participant) => {
      const notice = terminations.get(participant.slug);
      const accepts = isAcceptingSubmissions(notice?.endsOn, today);
      return {
        tenant: participant.slug,
        name: participant.name,
        kind: participant.kind,
        status: !notice ? 'active' : accepts ? 'terminating' : 'ended',
        noticeDate: notice?.noticeDate ?? null,
        endsOn: notice?.endsOn ?? null,
        acceptsSubmissions: accepts,
        recordedBy: notice?.recordedBy ?? null,
        recordedAt: notice?.recordedAt ?? null,
      };
    }),
  };
}

import { PARTICIPANTS } from '../../engine/index.ts';
import type { Storage } from '../storage/Storage.ts';
import { getUsageReport, type UsageReport } from './getUsageReport.ts';

/** Every participant's own-cost usage for a year (§ 2 (1)), for the Kreis's overview. */
export async function getUsageOverview(storage: Storage, year: number): Promise<{ year: number; items: UsageReport[] }> {
  return { year, items: await Promise.all(PARTICIPANTS.map((participant) => getUsageReport(storage, participant.slug, year))) };
}

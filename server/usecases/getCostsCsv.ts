import { formatCostsCsv } from '../../engine/agreement/index.ts';
import { getParticipant } from '../../engine/participants.ts';
import { createHttpError } from '../errors.ts';
import type { Storage } from '../storage/Storage.ts';
import { getCostReport, type CostReport } from './getCostReport.ts';

/**
 * The cost allocation of a year as CSV (one row per share, with population, reference date and source).
 * Refuses with POPULATION_TABLE_MISSING, naming the reference dates, when any split lacks figures: a CSV
 * with some services silently missing would be taken for the whole bill.
 */
export async function getCostsCsv(storage: Storage, year: number): Promise<string> {
  return toCostsCsv(await getCostReport(storage, year));
}

/** getCostsCsv for a report already at hand (the CLI also prints notes from it), with the same refusal. */
export function toCostsCsv(report: CostReport): string {
  const missing = report.services.flatMap((allocation) =>
    allocation.kind === 'population-missing' ? [{ pointer: `/services/${allocation.service}`, message: allocation.message }] : [],
  );
  if (missing.length > 0) {
    const dates = [
      ...new Set(
        report.services.flatMap((allocation) =>
          allocation.kind === 'population-missing' ? allocation.missing.map((entry) => entry.referenceDate) : [],
        ),
      ),
    ].sort();
    throw createHttpError(
      'POPULATION_TABLE_MISSING',
      missing,
      `Population figures are missing for reference date ${dates.join(', ')}; import them (npm run forms -- population-import <file>) and try again.`,
    );
  }
  const kreis = getParticipant('kreis-heinsberg');
  if (!kreis) throw new Error('toCostsCsv: participant kreis-heinsberg is missing from PARTICIPANTS');
  return formatCostsCsv(report.services, kreis);
}

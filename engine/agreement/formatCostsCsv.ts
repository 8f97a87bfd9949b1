import type { CostAllocation } from './allocateCosts.ts';
import { formatCsv } from './formatCsv.ts';

export const COSTS_CSV_HEADER = [
  'year',
  'service',
  'basis',
  'participant',
  'municipalityKey',
  'population',
  'referenceDate',
  'source',
  'official',
  'shareCents',
  'costCents',
] as const;

/**
 * The cost allocation as CSV, one row per share: `basis` is `split` (§ 2 (2), one row per participating
 * Kommune with the figure, its reference date and source), or `kreisumlage` / `kreis-only` (one row for the
 * Kreis bearing the whole cost, § 2 (1)). Services without an entered cost and services led by Kommunen
 * have no rows; callers must refuse `population-missing` allocations before formatting.
 */
export function formatCostsCsv(allocations: readonly CostAllocation[], kreis: { slug: string; key: string }): string {
  const rows: (string | number | boolean | null)[][] = [];
  for (const allocation of allocations) {
    if (allocation.amountCents === null) continue;
    if (allocation.kind === 'split') {
      for (const share of allocation.shares) {
        rows.push([
          allocation.year,
          allocation.service,
          'split',
          share.tenant,
          share.municipalityKey,
          share.population,
          share.referenceDate,
          share.source,
          share.official,
          share.shareCents,
          allocation.amountCents,
        ]);
      }
    } else if (allocation.kind === 'kreisumlage' || allocation.kind === 'kreis-only') {
      rows.push([
        allocation.year,
        allocation.service,
        allocation.kind,
        kreis.slug,
        kreis.key,
        null,
        null,
        null,
        null,
        allocation.amountCents,
        allocation.amountCents,
      ]);
    }
  }
  return formatCsv(COSTS_CSV_HEADER, rows);
}

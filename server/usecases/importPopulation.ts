import { parsePopulationImport } from '../../engine/agreement/index.ts';
import { PARTICIPANTS } from '../../engine/index.ts';
import { createHttpError } from '../errors.ts';
import type { Storage } from '../storage/Storage.ts';

/** The municipality keys population figures may be given for: the ten Kommunen (the Kreis has no share). */
export const KOMMUNE_KEYS = PARTICIPANTS.filter((participant) => participant.kind === 'kommune').map((participant) => participant.key);

export interface PopulationImportSummary {
  /** Figures written (new or replacing the figure for the same date and key). */
  written: number;
  referenceDates: { referenceDate: string; figures: number; official: boolean }[];
}

/**
 * Imports population figures from CSV or JSON (see parsePopulationImport): all or nothing. A figure for a
 * reference date and key that is already stored is replaced (the official IT.NRW table replaces demo figures).
 * Problems come back as INVALID_POPULATION_IMPORT with one entry per line (`line 3`) or JSON pointer.
 */
export async function importPopulation(
  storage: Storage,
  input: { content: string; format: 'csv' | 'json' },
  actor: string,
): Promise<PopulationImportSummary> {
  const result = parsePopulationImport(input.content, { format: input.format, municipalityKeys: KOMMUNE_KEYS });
  if (!result.ok) {
    throw createHttpError(
      'INVALID_POPULATION_IMPORT',
      result.problems.map((problem) => ({
        pointer: problem.line !== undefined ? `line ${problem.line}` : (problem.pointer ?? ''),
        message: problem.message,
      })),
    );
  }
  const dates = new Map<string, { figures: number; official: boolean }>();
  for (const figure of result.figures) {
    const entry = dates.get(figure.referenceDate) ?? { figures: 0, official: true };
    dates.set(figure.referenceDate, { figures: entry.figures + 1, official: entry.official && figure.official });
  }
  const referenceDates = [...dates].sort(([a], [b]) => a.localeCompare(b)).map(([referenceDate, entry]) => ({ referenceDate, ...entry }));
  const written = await storage.agreement.savePopulation(result.figures, actor, {
    overwrite: true,
    audit: {
      tenant: 'kreis-heinsberg',
      actor,
      action: 'agreement.population_imported',
      subject: null,
      details: { referenceDates: referenceDates.map((entry) => entry.referenceDate), figures: result.figures.length },
    },
  });
  return { written, referenceDates };
}

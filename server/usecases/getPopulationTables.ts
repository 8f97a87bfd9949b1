import { PARTICIPANTS } from '../../engine/index.ts';
import type { Storage } from '../storage/Storage.ts';

export interface PopulationTable {
  referenceDate: string;
  /** True when every figure of the date is official (IT.NRW). */
  official: boolean;
  /** True when the table has a figure for each of the ten Kommunen. */
  complete: boolean;
  figures: {
    municipalityKey: string;
    tenant: string | null;
    name: string | null;
    population: number;
    source: string;
    official: boolean;
    importedAt: string;
    importedBy: string;
  }[];
}

/** The stored population tables, one per reference date (newest first), each figure with its source. */
export async function getPopulationTables(storage: Storage): Promise<{ items: PopulationTable[] }> {
  const byKey = new Map(PARTICIPANTS.map((participant) => [participant.key, participant]));
  const kommunen = PARTICIPANTS.filter((participant) => participant.kind === 'kommune').length;
  const tables = new Map<string, PopulationTable>();
  for (const figure of await storage.agreement.listPopulation()) {
    const table = tables.get(figure.referenceDate) ?? { referenceDate: figure.referenceDate, official: true, complete: false, figures: [] };
    const participant = byKey.get(figure.municipalityKey);
    table.figures.push({
      municipalityKey: figure.municipalityKey,
      tenant: participant?.slug ?? null,
      name: participant?.name ?? null,
      population: figure.population,
      source: figure.source,
      official: figure.official,
      importedAt: figure.importedAt,
      importedBy: figure.importedBy,
    });
    table.official &&= figure.official;
    table.complete = table.figures.length >= kommunen;
    tables.set(figure.referenceDate, table);
  }
  return { items: [...tables.values()].sort((a, b) => b.referenceDate.localeCompare(a.referenceDate)) };
}

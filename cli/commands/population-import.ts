import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { importPopulation } from '../../server/usecases/importPopulation.ts';
import { withStorage } from '../agreement/withStorage.ts';

export const summary = 'Import population figures (IT.NRW tables per reference date) from <file.csv|file.json>';

/**
 * Imports a population file (all or nothing; see README "Agreement rules" for the columns). A figure for a
 * reference date and municipality key already stored is replaced. Problems are printed per line.
 */
export async function run(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  const format = file ? extname(file).toLowerCase().slice(1) : '';
  if (!file || rest.length > 0 || (format !== 'csv' && format !== 'json')) {
    console.error('population-import: give one .csv or .json file\nUsage: npm run forms -- population-import einwohner-2024-06-30.csv');
    return 2;
  }
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`population-import: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return withStorage('population-import', async (storage) => {
    const result = await importPopulation(storage, { content, format }, 'cli');
    for (const entry of result.referenceDates) {
      console.log(`${entry.referenceDate}: ${entry.figures} figures (${entry.official ? 'amtlich' : 'nicht amtlich'})`);
    }
    console.log(`Imported ${result.written} figures from ${file}.`);
    return 0;
  });
}

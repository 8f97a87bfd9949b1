import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePopulationImport } from '../../engine/agreement/index.ts';
import type { Storage } from '../storage/Storage.ts';
import { KOMMUNE_KEYS } from './importPopulation.ts';

/**
 * Seeds the population tables from `seedDir/einwohner.json` (the real 2014 and 2022 figures) and
 * `seedDir/population/*.json` (demo tables marked "amtlich": false). Never overwrites a stored figure, so an
 * imported official table survives every restart. Throws with the file name on a broken seed file.
 * Returns the number of figures inserted.
 */
export async function seedPopulation(storage: Storage, seedDir: string): Promise<number> {
  const demoDir = join(seedDir, 'population');
  const demoFiles = existsSync(demoDir) ? readdirSync(demoDir).filter((name) => name.endsWith('.json')).sort() : [];
  const files = [join(seedDir, 'einwohner.json'), ...demoFiles.map((name) => join(demoDir, name))];
  let inserted = 0;
  for (const file of files) {
    const result = parsePopulationImport(readFileSync(file, 'utf8'), { format: 'json', municipalityKeys: KOMMUNE_KEYS });
    if (!result.ok) {
      throw new Error(`Population seed ${file} is invalid: ${result.problems.map((p) => `${p.pointer ?? ''} ${p.message}`).join('; ')}`);
    }
    inserted += await storage.agreement.savePopulation(result.figures, 'seed', { overwrite: false });
  }
  return inserted;
}

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { lockKey, lockValue } from '../../engine/index.ts';
import { catalogueProblems, formatProblem, loadCatalogue } from '../../server/catalogue/loadCatalogue.ts';
import { sha256 } from '../../server/catalogue/sha256.ts';

export const summary = 'lock [--dir DIR] [id@version ...]: publish versions by adding their hashes to forms.lock.json';

/**
 * Adds the content hash of every version not yet in the lock (or only the named id@version ones); never
 * changes an existing entry. Refuses (exit 1, nothing written) while the catalogue has problems.
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { dir: { type: 'string', default: 'forms' } } });
  const catalogue = await loadCatalogue(values.dir);
  const problems = catalogueProblems(catalogue);
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(`\nNothing locked: fix the ${problems.length} problem(s) first.`);
    return 1;
  }
  const wanted = new Set(positionals);
  const lock: Record<string, string> = { ...catalogue.lock };
  const added: string[] = [];
  const keys = new Set<string>();
  for (const file of catalogue.files) {
    const { id, version } = file.definition as { id: string; version: string };
    const key = lockKey(id, version);
    keys.add(key);
    if (lock[key] !== undefined || (wanted.size > 0 && !wanted.has(key))) continue;
    lock[key] = lockValue(file.definition, sha256);
    added.push(key);
  }
  for (const key of wanted) {
    if (!keys.has(key)) {
      console.error(`No definition file for ${key}.`);
      return 1;
    }
  }
  if (added.length === 0) {
    console.log('Nothing to lock: every version is already published.');
    return 0;
  }
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(catalogue.lockFile, `${JSON.stringify(sorted, null, 2)}\n`);
  for (const key of added) console.log(`published ${key}`);
  return 0;
}

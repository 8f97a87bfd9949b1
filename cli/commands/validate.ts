import { parseArgs } from 'node:util';
import { lockKey } from '../../engine/index.ts';
import { catalogueProblems, formatProblem, loadCatalogue } from '../../server/catalogue/loadCatalogue.ts';

export const summary = 'validate [--dir DIR]: check every definition, the lock and the version bumps (default forms/)';

/** Loads the catalogue, runs checkCatalogue and prints each problem with its file; exit 1 on any problem. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string', default: 'forms' } } });
  const dir = values.dir;
  const catalogue = await loadCatalogue(dir);
  const problems = catalogueProblems(catalogue);
  for (const problem of problems) console.error(formatProblem(problem));
  const services = new Set(catalogue.files.map((file) => (file.definition as { id?: unknown }).id));
  const published = catalogue.files.filter((file) => {
    const d = file.definition as { id?: unknown; version?: unknown };
    return catalogue.lock[lockKey(String(d.id), String(d.version))] !== undefined;
  }).length;
  const counts = `${catalogue.files.length} definition file(s) of ${services.size} service(s), ${published} published`;
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in ${dir} (${counts}).`);
    return 1;
  }
  console.log(`${dir}: OK (${counts}).`);
  return 0;
}

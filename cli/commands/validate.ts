import { parseArgs } from 'node:util';
import { checkCatalogue } from '../../engine/index.ts';
import { loadCatalogue } from '../loadCatalogue.ts';
import { sha256 } from '../sha256.ts';

export const summary = 'validate [--dir DIR]: check every definition, the lock and the version bumps (default forms/)';

/** Loads the catalogue, runs checkCatalogue and prints each problem with its file; exit 1 on any problem. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string', default: 'forms' } } });
  const dir = values.dir;
  const catalogue = await loadCatalogue(dir);
  const problems = [
    ...catalogue.problems,
    ...checkCatalogue({ files: catalogue.files, lock: catalogue.lock, hash: sha256, lockFile: catalogue.lockFile }),
  ];
  for (const problem of problems) {
    console.error(`${problem.file}${problem.pointer ? ` ${problem.pointer}` : ''}: ${problem.message} [${problem.code}]`);
  }
  const services = new Set(catalogue.files.map((file) => (file.definition as { id?: unknown }).id));
  const published = catalogue.files.filter((file) => {
    const d = file.definition as { id?: unknown; version?: unknown };
    return catalogue.lock[`${String(d.id)}@${String(d.version)}`] !== undefined;
  }).length;
  const counts = `${catalogue.files.length} definition file(s) of ${services.size} service(s), ${published} published`;
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in ${dir} (${counts}).`);
    return 1;
  }
  console.log(`${dir}: OK (${counts}).`);
  return 0;
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkCatalogue, type CatalogueFile, type CatalogueProblem } from '../../engine/index.ts';
import { sha256 } from './sha256.ts';

export interface LoadedCatalogue {
  /** Every forms/<id>/<version>.json that parsed as JSON, sorted by path. */
  files: CatalogueFile[];
  /** forms/forms.lock.json (empty when it does not exist yet). */
  lock: Record<string, string>;
  /** Path of the lock file. */
  lockFile: string;
  /** Files that could not be read or parsed, and stray JSON files; the catalogue checks come on top. */
  problems: CatalogueProblem[];
}

/** Definition files larger than this are not parsed (checkDefinition caps the content at 512 KB anyway). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const VERSION_FILE = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.json$/;

async function readJson(path: string): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) return { ok: false, message: `File is larger than ${MAX_FILE_BYTES} bytes.` };
    const text = await readFile(path, 'utf8');
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads a catalogue directory (default layout forms/<id>/<version>.json, forms/forms.lock.json; the fixtures/
 * folder of a service is skipped). Does not check the definitions: pass the result to checkCatalogue.
 */
export async function loadCatalogue(dir: string): Promise<LoadedCatalogue> {
  const problems: CatalogueProblem[] = [];
  const files: CatalogueFile[] = [];
  const lockFile = join(dir, 'forms.lock.json');
  let lock: Record<string, string> = {};
  const entries = await readdir(dir, { withFileTypes: true });

  if (entries.some((entry) => entry.isFile() && entry.name === 'forms.lock.json')) {
    const result = await readJson(lockFile);
    if (!result.ok) {
      problems.push({ file: lockFile, pointer: '', code: 'unreadable', message: result.message });
    } else if (
      result.value === null ||
      typeof result.value !== 'object' ||
      Array.isArray(result.value) ||
      !Object.values(result.value).every((v) => typeof v === 'string')
    ) {
      problems.push({ file: lockFile, pointer: '', code: 'lock-invalid', message: 'The lock must be an object of "<id>@<version>": "sha256:<hex>".' });
    } else {
      lock = result.value as Record<string, string>;
    }
  }

  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const serviceDir = join(dir, entry.name);
    const names = (await readdir(serviceDir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      const path = join(serviceDir, name);
      if (!VERSION_FILE.test(name)) {
        problems.push({ file: path, pointer: '', code: 'unexpected-file', message: 'Definition files are named <MAJOR>.<MINOR>.<PATCH>.json.' });
        continue;
      }
      const result = await readJson(path);
      if (result.ok) files.push({ path, definition: result.value });
      else problems.push({ file: path, pointer: '', code: 'unreadable', message: result.message });
    }
  }
  return { files, lock, lockFile, problems };
}

/** The loader's problems followed by checkCatalogue's (definitions, lock, version bumps), hashing with sha256. */
export function catalogueProblems(catalogue: LoadedCatalogue): CatalogueProblem[] {
  return [
    ...catalogue.problems,
    ...checkCatalogue({ files: catalogue.files, lock: catalogue.lock, hash: sha256, lockFile: catalogue.lockFile }),
  ];
}

/** One problem as a line for the terminal: file, pointer (when there is one), message and code. */
export function formatProblem(problem: CatalogueProblem): string {
  return `${problem.file}${problem.pointer ? ` ${problem.pointer}` : ''}: ${problem.message} [${problem.code}]`;
}

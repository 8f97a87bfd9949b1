import { compare, valid } from 'semver';
import { canonicalJson } from './canonicalJson.ts';
import { checkDefinition } from './checkDefinition.ts';
import { checkVersionBump } from './checkVersionBump.ts';
import type { DefinitionProblem } from './DefinitionError.ts';
import { isRecord } from './isRecord.ts';
import { escapePointerToken } from './jsonPointer.ts';

/** A definition file as read by a caller: its path (e.g. 'forms/hundesteuer/1.0.0.json') and parsed content. */
export interface CatalogueFile {
  path: string;
  definition: unknown;
}

export interface CatalogueInput {
  files: readonly CatalogueFile[];
  /** forms/forms.lock.json: `{"<id>@<version>": "sha256:<hex of canonicalJson>"}` for every published version. */
  lock: Readonly<Record<string, string>>;
  /** SHA-256 hex of a text (with or without the 'sha256:' prefix); callers use node:crypto or WebCrypto. */
  hash: (text: string) => string;
  /** Path of the lock file, for messages; default 'forms/forms.lock.json'. */
  lockFile?: string;
}

/** A problem of the catalogue, located by file and JSON pointer. */
export interface CatalogueProblem extends DefinitionProblem {
  file: string;
}

/** Key of a version in the lock file. */
export function lockKey(id: string, version: string): string {
  return `${id}@${version}`;
}

/** The lock value of a definition: 'sha256:' + hex of its canonical JSON. */
export function lockValue(definition: unknown, hash: (text: string) => string): string {
  const digest = hash(canonicalJson(definition));
  return digest.startsWith('sha256:') ? digest : `sha256:${digest}`;
}

/** '<...>/<id>/<version>.json' -> [id, version]. */
function splitPath(path: string): [string, string] | undefined {
  const parts = path.split(/[\\/]/);
  const file = parts[parts.length - 1];
  const folder = parts[parts.length - 2];
  if (!file || !folder || !file.endsWith('.json')) return undefined;
  return [folder, file.slice(0, -'.json'.length)];
}

/**
 * Checks a whole catalogue (forms/): every definition passes checkDefinition and sits at <id>/<version>.json;
 * no id@version twice; every published version (in the lock) still has its file and its recorded content hash
 * (published versions never change); the versions of each service, sorted by semver, are bumped at least as
 * much as their changes need. Returns all problems, each naming its file.
 */
export function checkCatalogue(input: CatalogueInput): CatalogueProblem[] {
  const { files, lock, hash } = input;
  const lockFile = input.lockFile ?? 'forms/forms.lock.json';
  const problems: CatalogueProblem[] = [];
  const byKey = new Map<string, CatalogueFile>();
  const usable = new Map<string, { version: string; file: CatalogueFile }[]>();

  for (const file of files) {
    const definitionProblems = checkDefinition(file.definition);
    for (const problem of definitionProblems) problems.push({ file: file.path, ...problem });
    const definition = isRecord(file.definition) ? file.definition : {};
    const id = typeof definition.id === 'string' ? definition.id : undefined;
    const version = typeof definition.version === 'string' ? definition.version : undefined;
    if (id === undefined || version === undefined) continue;
    const location = splitPath(file.path);
    if (!location || location[0] !== id || location[1] !== version) {
      problems.push({
        file: file.path,
        pointer: '',
        code: 'path-mismatch',
        message: `A definition with id "${id}" and version "${version}" belongs at ${id}/${version}.json.`,
      });
    }
    const key = lockKey(id, version);
    const duplicate = byKey.get(key);
    if (duplicate) {
      problems.push({ file: file.path, pointer: '', code: 'duplicate-version', message: `${key} is also defined in ${duplicate.path}.` });
      continue;
    }
    byKey.set(key, file);
    const recorded = lock[key];
    if (recorded !== undefined) {
      let actual: string | undefined;
      try {
        actual = lockValue(file.definition, hash);
      } catch {
        actual = undefined;
      }
      if (actual !== recorded) {
        problems.push({
          file: file.path,
          pointer: '',
          code: 'published-changed',
          message:
            `${file.path} changed after ${key} was published (${lockFile} records ${recorded}, the file now has ` +
            `${actual ?? 'no hashable content'}). A published version never changes: restore it and publish the change as a new version.`,
        });
      }
    }
    if (definitionProblems.length === 0 && valid(version)) {
      const list = usable.get(id) ?? [];
      list.push({ version, file });
      usable.set(id, list);
    }
  }

  for (const [key, value] of Object.entries(lock)) {
    const pointer = `/${escapePointerToken(key)}`;
    if (!/^sha256:[0-9a-f]{64}$/.test(value)) {
      problems.push({ file: lockFile, pointer, code: 'lock-invalid', message: `Lock entry ${key} is not "sha256:<64 hex digits>".` });
    }
    if (!byKey.has(key)) {
      problems.push({ file: lockFile, pointer, code: 'published-missing', message: `Published version ${key} has no definition file; published versions are never deleted.` });
    }
  }

  for (const versions of usable.values()) {
    versions.sort((a, b) => compare(a.version, b.version));
    for (let i = 1; i < versions.length; i++) {
      const previous = versions[i - 1]!;
      const next = versions[i]!;
      for (const problem of checkVersionBump(previous.file.definition, next.file.definition)) {
        problems.push({ file: next.file.path, ...problem, message: `compared with ${previous.file.path}: ${problem.message}` });
      }
    }
  }
  return problems;
}

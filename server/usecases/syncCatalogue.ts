import { createHash } from 'node:crypto';
import { checkCatalogue, lockValue, type CatalogueFile, type FormDefinition } from '../../engine/index.ts';
import type { Logger } from '../Logger.ts';
import type { Storage } from '../storage/Storage.ts';

export interface CatalogueSyncResult {
  published: string[];
  unchanged: number;
  /** Files skipped because of catalogue problems or a conflict with an already published version. */
  skipped: string[];
}

/**
 * Publishes the definitions of the catalogue (forms/) into the database. Files with catalogue problems (invalid
 * definition, changed published version, too-small version bump...) are skipped and logged; a version number already
 * published with different content keeps its published content (versions are immutable) and is logged as an error.
 * When every file is already published with the same content (a restart), the checks are skipped: compiling every
 * definition costs startup time and tens of MB of memory for nothing.
 */
export async function syncCatalogue(
  storage: Storage,
  logger: Logger,
  catalogue: { files: CatalogueFile[]; lock: Record<string, string>; lockFile?: string },
): Promise<CatalogueSyncResult> {
  const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  if (await isAlreadyPublished(storage, catalogue.files, hash)) return { published: [], unchanged: catalogue.files.length, skipped: [] };
  const problems = checkCatalogue({ files: catalogue.files, lock: catalogue.lock, hash, ...(catalogue.lockFile ? { lockFile: catalogue.lockFile } : {}) });
  const badFiles = new Set(problems.map((problem) => problem.file));
  for (const problem of problems) logger.warn('catalogue problem', { file: problem.file, pointer: problem.pointer, code: problem.code, problem: problem.message });
  const result: CatalogueSyncResult = { published: [], unchanged: 0, skipped: [] };
  for (const file of catalogue.files) {
    if (badFiles.has(file.path)) {
      result.skipped.push(file.path);
      continue;
    }
    const definition = file.definition as FormDefinition;
    const outcome = await storage.formVersions.publish({
      id: definition.id,
      version: definition.version,
      definition,
      hash: lockValue(definition, hash),
      publishedBy: 'catalogue',
    });
    if (outcome === 'published') result.published.push(`${definition.id}@${definition.version}`);
    else if (outcome === 'unchanged') result.unchanged += 1;
    else {
      logger.error('catalogue file differs from the published version; the published version stays', { file: file.path });
      result.skipped.push(file.path);
    }
  }
  return result;
}

async function isAlreadyPublished(storage: Storage, files: readonly CatalogueFile[], hash: (text: string) => string): Promise<boolean> {
  for (const file of files) {
    const { id, version } = (file.definition ?? {}) as { id?: unknown; version?: unknown };
    if (typeof id !== 'string' || typeof version !== 'string') return false;
    const published = await storage.formVersions.get(id, version);
    if (!published || published.hash !== lockValue(file.definition, hash)) return false;
  }
  return true;
}

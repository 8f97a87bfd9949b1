import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { ServedDefinition } from '../../contract/portalApi.ts';
import { portalPaths } from '../../contract/portalRoutes.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createFormPageRenderWorker, type FormPageRenderWorker } from '../rendering/createFormPageRenderWorker.ts';
import { getValidatorModule } from './getValidatorModule.ts';

/**
 * Rendered form pages kept in memory (least recently used first out): room for every service of every participant,
 * so no sequence of requests makes the server render pages over and over. One is some 10–100 KB of HTML.
 */
const CACHE_SIZE = 256;
const pages = new Map<string, Promise<string | undefined>>();
/** The render worker of the current renderer build (a rebuild, seen by the entry's mtime, gets a new one). */
let current: { build: string; worker: FormPageRenderWorker } | undefined;

function getRenderWorker(entry: string, mtimeMs: number): FormPageRenderWorker {
  const build = `${entry}@${mtimeMs}`;
  if (current?.build !== build) {
    void current?.worker.close();
    current = { build, worker: createFormPageRenderWorker(entry) };
  }
  return current.worker;
}

/**
 * The server-rendered HTML of a form page's app (see RenderFormPage): rendered once per renderer build and served
 * definition (`servedBlock`, the page's data block, stands for it), then taken from memory. The page is rendered for
 * its canonical pathname, so spellings of one URL share it.
 * Rendered in a worker thread (createFormPageRenderWorker). Undefined when the renderer's server-side entry is not
 * built or the render fails (logged): the browser then renders the page alone, as it does for every other page.
 */
export async function prerenderFormPage(deps: AppDeps, served: ServedDefinition, servedBlock: string): Promise<string | undefined> {
  const entry = deps.config.rendererSsrEntry;
  const mtimeMs = await stat(entry).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );
  if (mtimeMs === undefined) return undefined;
  const key = createHash('sha256').update(`${entry}\0${mtimeMs}\0`).update(servedBlock).digest('base64url');
  const pathname = portalPaths.form(served.tenant.slug, served.id);
  const cached = pages.get(key);
  if (cached) {
    pages.delete(key);
    pages.set(key, cached);
    return cached;
  }
  const page = getValidatorModule(deps, served.id, served.version)
    .then(({ source }) => getRenderWorker(entry, mtimeMs).render({ pathname, definition: served, validatorModuleSource: source }))
    .catch((error: unknown) => {
      // A failed render is not kept: the next request tries again.
      pages.delete(key);
      deps.logger.error('form page prerender failed', { service: served.id, version: served.version, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    });
  pages.set(key, page);
  if (pages.size > CACHE_SIZE) pages.delete(pages.keys().next().value!);
  return page;
}

import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { RenderFormPage } from '../../contract/formPagePrerender.ts';
import type { ServedDefinition } from '../../contract/portalApi.ts';
import { portalPaths } from '../../contract/portalRoutes.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getValidatorModule } from './getValidatorModule.ts';

/**
 * Rendered form pages kept in memory (least recently used first out): room for every service of every participant,
 * so no sequence of requests makes the server render pages over and over. One is some 10–100 KB of HTML.
 */
const CACHE_SIZE = 256;
const pages = new Map<string, Promise<string | undefined>>();
const renderers = new Map<string, Promise<RenderFormPage>>();

/** The renderer's server-side entry of one build (the URL carries the file's mtime: a rebuild is loaded anew). */
function loadRenderer(entry: string, mtimeMs: number): Promise<RenderFormPage> {
  const url = `${pathToFileURL(entry).href}?build=${mtimeMs}`;
  let pending = renderers.get(url);
  if (!pending) {
    pending = import(url).then((module: { renderFormPage: RenderFormPage }) => module.renderFormPage);
    pending.catch(() => renderers.delete(url));
    renderers.set(url, pending);
  }
  return pending;
}

/**
 * The server-rendered HTML of a form page's app (see RenderFormPage): rendered once per renderer build and served
 * definition (`servedBlock`, the page's data block, stands for it), then taken from memory. The page is rendered for
 * its canonical pathname, so spellings of one URL share it.
 * Undefined when the renderer's server-side entry is not built or the render fails (logged): the browser then
 * renders the page alone, as it does for every other page.
 */
export async function prerenderFormPage(deps: AppDeps, served: ServedDefinition, servedBlock: string): Promise<string | undefined> {
  const entry = deps.config.rendererSsrEntry;
  const mtimeMs = await stat(entry).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );
  if (mtimeMs === undefined) return undefined;
  const key = createHash('sha256').update(`${mtimeMs}\0`).update(servedBlock).digest('base64url');
  const pathname = portalPaths.form(served.tenant.slug, served.id);
  const cached = pages.get(key);
  if (cached) {
    pages.delete(key);
    pages.set(key, cached);
    return cached;
  }
  const page = loadRenderer(entry, mtimeMs)
    .then((render) =>
      render({ pathname, definition: served, loadValidatorModuleSource: async () => (await getValidatorModule(deps, served.id, served.version)).source }),
    )
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

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import { parseRoute } from '../../contract/portalRoutes.ts';
import { getValidatorModulePath } from '../../contract/validatorModuleContract.ts';
import type { AppDeps } from '../AppDeps.ts';
import { HttpError } from '../errors.ts';
import { getServedDefinition } from '../usecases/getServedDefinition.ts';
import { prerenderFormPage } from '../usecases/prerenderFormPage.ts';
import { DEFINITION_DATA_BLOCK_ID, insertIntoHead, toJsonDataBlock } from '../../contract/definitionDataBlock.ts';

/** The CSP of every portal page: no inline or eval'd script, styles only from files, data: only for KERN's icons. */
export const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** First path segments that belong to other parts of the server, never to a participant's portal. */
const RESERVED = new Set(['api', 'staff', 'assets', 'health', 'healthz', 'favicon.ico', 'favicon.svg']);

/**
 * A Link header value that preloads a module script without evaluating it: fetched at once, compiled when imported.
 * (modulepreload would also compile it, and on the form route that competes with the first paint of the server's
 * HTML, which needs no script.) `crossorigin` matches the CORS mode of a module import, so the import takes it.
 */
export function toScriptPreload(path: string): string {
  return `<${path}>; rel=preload; as=script; crossorigin=anonymous`;
}

/** The app's element in portal.html, into which a server-rendered page goes. */
const ROOT_ELEMENT = '<div id="root"></div>';

const FALLBACK_HTML = (title: string, text: string) =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * Serves the citizens' portals from the built renderer (dist/renderer): hashed assets with a year of immutable
 * caching, the favicon, and for GET /{tenant}/... the portal page (portal.html, the React app routes by pathname).
 * The status tells the truth: 404 (with the app's German "Seite nicht gefunden") for an unknown participant,
 * a service it does not offer, or an unknown page. Every page gets the strict CSP and Cache-Control: no-cache.
 */
export function createPortalPagesRouter(deps: AppDeps): Router {
  const router = Router();
  const dir = deps.config.rendererDir;
  // Read per request (a small, OS-cached file): a rebuild takes effect without a restart.
  const readPortalHtml = (): string | undefined =>
    existsSync(join(dir, 'portal.html')) ? readFileSync(join(dir, 'portal.html'), 'utf8') : undefined;

  // The hashed files of the lazily loaded form page (vite's build manifest), so the form route can preload them.
  const readFormPageChunks = (): string[] => {
    const path = join(dir, '.vite', 'manifest.json');
    if (!existsSync(path)) return [];
    try {
      return formPageChunks(JSON.parse(readFileSync(path, 'utf8')) as ViteManifest);
    } catch {
      return [];
    }
  };

  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));
  router.use(express.static(join(dir), { index: false, maxAge: '1d', fallthrough: true }));

  const sendPage = (res: Response, status: number, head = '', appHtml?: string) => {
    const page = readPortalHtml();
    const withHead = page && head ? insertIntoHead(page, head) : page;
    const html = withHead && appHtml ? withHead.replace(ROOT_ELEMENT, () => `<div id="root">${appHtml}</div>`) : withHead;
    res.status(status);
    res.set('Content-Security-Policy', PORTAL_CSP);
    res.set('Cache-Control', 'no-cache');
    res.type('html');
    if (html) res.send(html);
    else if (status === 404) res.send(FALLBACK_HTML('Seite nicht gefunden', 'Die aufgerufene Seite gibt es nicht.'));
    else res.status(503).send(FALLBACK_HTML('Serviceportal nicht verfügbar', 'Das Portal wurde noch nicht gebaut (npm run build).'));
  };

  router.get('/', (_req, res) => res.redirect(302, '/kreis-heinsberg/'));

  router.use(async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const first = req.path.split('/')[1] ?? '';
    if (first === '' || RESERVED.has(first) || first.includes('.')) return next();
    const route = parseRoute(req.path);
    const participant = route.tenant ? await deps.storage.participants.get(route.tenant) : undefined;
    if (!participant) return sendPage(res, 404);
    if (req.path === `/${participant.slug}`) return res.redirect(301, `/${participant.slug}/`);
    if (route.page === 'not-found') return sendPage(res, 404);
    if (route.page === 'service' || route.page === 'form') {
      let head: string;
      let appHtml: string | undefined;
      try {
        // The served definition travels with the page as a JSON data block (public catalogue data, no personal
        // data): the portal renders the service or the form's first step without asking for it.
        const served = await getServedDefinition(deps, participant.slug, route.service);
        head = toJsonDataBlock(DEFINITION_DATA_BLOCK_ID, served);
        // The form page also needs the lazily loaded form code and the precompiled validator (whose URL needs the
        // served version, which only the server knows): the browser fetches them while it still parses the app.
        if (route.page === 'form') {
          for (const file of readFormPageChunks()) res.append('Link', toScriptPreload(`/${file}`));
          res.append('Link', toScriptPreload(getValidatorModulePath(served.id, served.version)));
          // The citizen sees the first step as soon as the HTML and the stylesheet are there; the app takes it over.
          appHtml = await prerenderFormPage(deps, served, head);
        }
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return sendPage(res, 404);
        throw error;
      }
      return sendPage(res, 200, head, appHtml);
    }
    return sendPage(res, 200);
  });

  return router;
}

type ViteManifest = Record<string, { file: string; imports?: string[]; isDynamicEntry?: boolean }>;

/**
 * The form page's chunk and the chunks it imports (not the portal entry, which the page loads anyway), and the
 * validation runtime chunk that the form page loads lazily beside the validator module (not needed to paint).
 */
export function formPageChunks(manifest: ViteManifest): string[] {
  const files: string[] = [];
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.includes(chunk.file) || key.endsWith('.html')) return;
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('portal/pages/FormPage.tsx');
  if (files.length > 0) visit('shared/validation/validatorRuntime.ts');
  return files;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import { parseRoute } from '../../contract/portalRoutes.ts';
import { getValidatorModulePath } from '../../contract/validatorModuleContract.ts';
import type { AppDeps } from '../AppDeps.ts';
import { HttpError } from '../errors.ts';
import { resolveServedService } from '../usecases/resolveServedService.ts';

/** The CSP of every portal page: no inline or eval'd script, styles only from files, data: only for KERN's icons. */
export const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** First path segments that belong to other parts of the server, never to a participant's portal. */
const RESERVED = new Set(['api', 'staff', 'assets', 'health', 'healthz', 'favicon.ico', 'favicon.svg']);

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

  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));
  router.use(express.static(join(dir), { index: false, maxAge: '1d', fallthrough: true }));

  const sendPage = (res: Response, status: number) => {
    const html = readPortalHtml();
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
      try {
        const { formVersion } = await resolveServedService(deps, participant.slug, route.service);
        // The form page needs the served definition and its precompiled validator: let the browser fetch both
        // while it still parses the app (the validator URL needs the served version, which only the server knows).
        if (route.page === 'form') {
          res.append('Link', `</api/v1/tenants/${participant.slug}/services/${formVersion.id}>; rel=preload; as=fetch; crossorigin=anonymous`);
          res.append('Link', `<${getValidatorModulePath(formVersion.id, formVersion.version)}>; rel=modulepreload`);
        }
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return sendPage(res, 404);
        throw error;
      }
    }
    return sendPage(res, 200);
  });

  return router;
}

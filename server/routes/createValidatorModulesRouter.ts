import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { getValidatorModule } from '../usecases/getValidatorModule.ts';

const VERSION_FILE = /^(\d+\.\d+\.\d+)\.js$/;

/**
 * GET /validators/{service}/{version}.js (mounted at /api/v1): the precompiled validator of a published version as a
 * JavaScript module for the portal (dynamic import). Published versions never change: cached a year, immutable.
 */
export function createValidatorModulesRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/validators/:service/:file', async (req, res) => {
    const version = VERSION_FILE.exec(req.params.file)?.[1];
    if (!version) throw createHttpError('FORM_VERSION_NOT_FOUND');
    const module = await getValidatorModule(deps, req.params.service, version);
    res.set('Cache-Control', 'public, max-age=31536000, immutable');
    res.set('ETag', module.etag);
    res.type('text/javascript; charset=utf-8');
    if (req.get('if-none-match') === module.etag) {
      res.status(304).end();
      return;
    }
    res.send(module.source);
  });
  return router;
}

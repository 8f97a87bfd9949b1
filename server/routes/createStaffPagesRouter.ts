import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';

/**
 * Serves the staff app (mounted at /staff): every path below /staff/ answers with the built staff.html, and the
 * app's own router shows the page. The strict CSP of createApp applies (no inline scripts or styles, no eval).
 */
export function createStaffPagesRouter(deps: AppDeps): Router {
  const router = Router();
  const page = join(deps.config.rendererDir, 'staff.html');

  router.get(['/', '/*path'], (_req, res) => {
    if (!existsSync(page)) throw createHttpError('NOT_FOUND', undefined, 'The staff app is not built; run npm run build.');
    res.set('Cache-Control', 'no-cache');
    res.sendFile(page);
  });

  return router;
}

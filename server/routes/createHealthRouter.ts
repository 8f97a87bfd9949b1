import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';

/** GET /healthz: 200 while the process serves requests (no database round trip, so load balancers stay cheap). */
export function createHealthRouter(_deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  return router;
}

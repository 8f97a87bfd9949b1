import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { getHealthDetail } from '../usecases/getHealthDetail.ts';

/**
 * GET /healthz: 200 while the process serves requests (no database round trip, so load balancers stay cheap).
 * GET /healthz?detail (signed-in staff only, 401 otherwise): what the own participant's portal still lacks
 * (legal pages, local details of offered services).
 */
export function createHealthRouter(deps: AppDeps): Router {
  const router = Router();
  const staff = requireStaff(deps, ['staff', 'editor', 'admin']);
  router.get(
    '/healthz',
    (req, res, next) => {
      if (req.query.detail === undefined) {
        res.set('Cache-Control', 'no-store').json({ status: 'ok' });
        return;
      }
      next();
    },
    staff,
    async (_req, res) => {
      res.set('Cache-Control', 'no-store').json(await getHealthDetail(deps, getStaffContext(res).user));
    },
  );
  return router;
}

import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { getServiceEnablement } from '../usecases/getServiceEnablement.ts';
import { listServiceEnablements } from '../usecases/listServiceEnablements.ts';
import { saveEnablement } from '../usecases/saveEnablement.ts';

/** Staff manage which services their participant offers (mounted at /api/v1/staff). */
export function createStaffEnablementsRouter(deps: AppDeps): Router {
  const router = Router();
  const staff = requireStaff(deps, ['staff', 'admin']);

  router.get('/enablements', staff, async (_req, res) => {
    res.json({ items: await listServiceEnablements(deps, getStaffContext(res).user.tenant) });
  });

  router.get('/enablements/:service', staff, async (req, res) => {
    res.json(await getServiceEnablement(deps, getStaffContext(res).user.tenant, getPathParam(req, 'service')));
  });

  router.put('/enablements/:service', staff, ...parseJsonBody(deps.config.bodyLimitBytes), async (req, res) => {
    res.json(await saveEnablement(deps, getStaffContext(res).user, getPathParam(req, 'service'), req.body));
  });

  return router;
}

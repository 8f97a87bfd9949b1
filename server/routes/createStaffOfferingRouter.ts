import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { createOfferingUseCases } from '../usecases/createOfferingUseCases.ts';

/**
 * A participant's view of the shared catalogue (mounted at /api/v1/staff): every published service with lead,
 * versions, changelog, who offers it and the own enablement; the participant's local details per service.
 * The participant always comes from the session.
 */
export function createStaffOfferingRouter(deps: AppDeps): Router {
  const router = Router();
  const anyRole = requireStaff(deps, ['staff', 'editor', 'admin']);
  const offering = createOfferingUseCases(deps);

  router.get('/catalogue', anyRole, async (_req, res) => {
    res.json({ items: await offering.getCatalogue(getStaffContext(res).user) });
  });

  router.get('/catalogue/:service', anyRole, async (req, res) => {
    res.json(await offering.getCatalogueEntry(getStaffContext(res).user, getPathParam(req, 'service')));
  });

  router.put('/catalogue/:service/local-details', anyRole, ...parseJsonBody(deps.config.bodyLimitBytes), async (req, res) => {
    res.json(await offering.putLocalDetails(getStaffContext(res).user, getPathParam(req, 'service'), req.body));
  });

  return router;
}

import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { readSessionToken } from '../auth/sessionCookie.ts';
import { getSessionState } from '../usecases/getSessionState.ts';
import { getSubmissionContext } from '../usecases/getSubmissionContext.ts';

/**
 * Routes of the staff app shell and inbox (mounted at /api/v1/staff): the session state on start (200 also when
 * signed out) and a submission's definition version and audit trail.
 */
export function createStaffInboxRouter(deps: AppDeps): Router {
  const router = Router();
  const staff = requireStaff(deps, ['staff', 'admin']);

  router.get('/session', async (req, res) => {
    res.json(await getSessionState(deps, readSessionToken(req)));
  });

  router.get('/submissions/:id/context', staff, async (req, res) => {
    res.json(await getSubmissionContext(deps, getStaffContext(res).user, getPathParam(req, 'id')));
  });

  return router;
}

import { once } from 'node:events';
import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { parseOptionalJsonBody } from '../middleware/parseOptionalJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { changeSubmissionStatus } from '../usecases/changeSubmissionStatus.ts';
import { eraseSubmission } from '../usecases/eraseSubmission.ts';
import { exportSubmissions } from '../usecases/exportSubmissions.ts';
import { getSubmission } from '../usecases/getSubmission.ts';
import { listSubmissions } from '../usecases/listSubmissions.ts';

/** Staff work on their participant's submissions (mounted at /api/v1/staff). The tenant always comes from the session. */
export function createStaffSubmissionsRouter(deps: AppDeps): Router {
  const router = Router();
  const staff = requireStaff(deps, ['staff', 'admin']);

  router.get('/submissions', staff, async (req, res) => {
    res.json(await listSubmissions(deps, getStaffContext(res).user.tenant, req.query as Record<string, unknown>));
  });

  router.get('/submissions/:id', staff, async (req, res) => {
    res.json(await getSubmission(deps, getStaffContext(res).user.tenant, getPathParam(req, 'id')));
  });

  router.delete('/submissions/:id', staff, ...parseOptionalJsonBody(deps.config.bodyLimitBytes), async (req, res) => {
    await eraseSubmission(deps, getStaffContext(res).user, getPathParam(req, 'id'), req.body);
    res.status(204).end();
  });

  router.post('/submissions/:id/status', staff, ...parseJsonBody(deps.config.bodyLimitBytes), async (req, res) => {
    res.json(await changeSubmissionStatus(deps, getStaffContext(res).user, getPathParam(req, 'id'), req.body));
  });

  router.get('/exports/:service/:version', staff, async (req, res) => {
    const exported = await exportSubmissions(deps, getStaffContext(res).user, getPathParam(req, 'service'), getPathParam(req, 'version'), req.query as Record<string, unknown>);
    res.status(200);
    res.set('Content-Type', exported.contentType);
    res.set('Content-Disposition', `attachment; filename="${exported.filename}"`);
    for await (const chunk of exported.chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  });

  return router;
}

import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { parseSubmissionBody } from '../middleware/parseSubmissionBody.ts';
import { setCacheControl } from '../middleware/setCacheControl.ts';
import { getParticipantStatus } from '../usecases/getParticipantStatus.ts';
import { getServedDefinition } from '../usecases/getServedDefinition.ts';
import { listOfferedServices } from '../usecases/listOfferedServices.ts';
import { listTenants } from '../usecases/listTenants.ts';
import type { ServedService } from '../usecases/resolveServedService.ts';
import { submitForm } from '../usecases/submitForm.ts';
import { getSubmissionRateLimiter } from './createSubmissionRoute.ts';

/**
 * Public API for citizens' portals (mounted at /api/v1): catalogue and submissions. The catalogue holds no personal
 * data, so it may be cached with revalidation (ETag); the submission answer is no-store.
 */
export function createPublicRouter(deps: AppDeps): Router {
  const router = Router();
  const catalogueCache = setCacheControl('no-cache');
  // Shared with the plain-Node twin of the submission route (createSubmissionRoute), which answers most submissions.
  const submissionLimit = getSubmissionRateLimiter(deps).middleware;

  router.get('/tenants', catalogueCache, async (_req, res) => {
    res.json({ items: await listTenants(deps) });
  });

  router.get('/tenants/:tenant/services', catalogueCache, async (req, res) => {
    res.json({ items: await listOfferedServices(deps, getPathParam(req, 'tenant')), ...(await getParticipantStatus(deps.storage, getPathParam(req, 'tenant'), deps.now())) });
  });

  router.get('/tenants/:tenant/services/:service', catalogueCache, async (req, res) => {
    res.json(await getServedDefinition(deps, getPathParam(req, 'tenant'), getPathParam(req, 'service')));
  });

  router.post('/tenants/:tenant/services/:service/submissions', submissionLimit, parseSubmissionBody(deps), async (req, res) => {
    const receipt = await submitForm(deps, {
      served: res.locals.servedService as ServedService | undefined,
      tenant: getPathParam(req, 'tenant'),
      service: getPathParam(req, 'service'),
      body: req.body,
      idempotencyKey: req.get('idempotency-key'),
    });
    res.status(201).json(receipt);
  });

  return router;
}

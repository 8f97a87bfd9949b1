import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createRateLimit } from '../middleware/createRateLimit.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { resumeDraft } from '../usecases/resumeDraft.ts';
import { saveDraft } from '../usecases/saveDraft.ts';

/**
 * Save and resume without an account (mounted at /api/v1). The resume code travels only in request bodies
 * (never in a URL, so never in logs); answers are no-store like everything under /api.
 */
export function createDraftsRouter(deps: AppDeps): Router {
  const router = Router();
  const limit = createRateLimit(deps, 'drafts', deps.config.submissionRateLimit, 60_000);
  // Drafts are stored for weeks without sign-in: a daily count per client on top of the per-minute limit.
  const dailyDraftLimit = createRateLimit(deps, 'drafts-daily', deps.config.draftsPerIpPerDay, 24 * 60 * 60_000);
  const draftJson = parseJsonBody(deps.config.draftBodyLimitBytes);
  const resumeJson = parseJsonBody(deps.config.bodyLimitBytes);

  router.post('/tenants/:tenant/services/:service/drafts', limit, dailyDraftLimit, ...draftJson, async (req, res) => {
    res.status(201).json(await saveDraft(deps, { tenant: String(req.params.tenant), service: String(req.params.service), body: req.body }));
  });

  router.post('/tenants/:tenant/drafts/resume', limit, ...resumeJson, async (req, res) => {
    res.json(await resumeDraft(deps, { tenant: String(req.params.tenant), body: req.body }));
  });

  return router;
}

import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createRateLimit } from '../middleware/createRateLimit.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { submitAccessibilityFeedback } from '../usecases/submitAccessibilityFeedback.ts';

/** POST /tenants/{tenant}/accessibility-feedback (mounted at /api/v1): "Barriere melden", no account. */
export function createAccessibilityFeedbackRouter(deps: AppDeps): Router {
  const router = Router();
  const limit = createRateLimit(deps, 'feedback', deps.config.submissionRateLimit, 60_000);
  router.post('/tenants/:tenant/accessibility-feedback', limit, ...parseJsonBody(deps.config.bodyLimitBytes), async (req, res) => {
    res.status(201).json(await submitAccessibilityFeedback(deps, { tenant: String(req.params.tenant), body: req.body }));
  });
  return router;
}

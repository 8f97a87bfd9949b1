import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createRateLimit } from '../middleware/createRateLimit.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { findSubmissionByStatusCode, lookupStatus } from '../usecases/lookupStatus.ts';
import { renderSubmissionPdf } from '../usecases/renderSubmissionPdf.ts';
import { sendDownload } from './createStaffFilesRouter.ts';
import { getPathParam } from './getPathParam.ts';

/**
 * Status for citizens (mounted at /api/v1): reference and status code travel in the JSON body (never in a URL);
 * guessing is rate-limited per client IP (STATUS_RATE_LIMIT per 15 minutes, shared by both routes).
 */
export function createStatusRouter(deps: AppDeps): Router {
  const router = Router();
  const limit = createRateLimit(deps, 'status', deps.config.statusRateLimit, 15 * 60_000);
  const json = parseJsonBody(deps.config.bodyLimitBytes);

  router.post('/tenants/:tenant/status', limit, ...json, async (req, res) => {
    res.json(await lookupStatus(deps, getPathParam(req, 'tenant'), req.body));
  });

  router.post('/tenants/:tenant/status/pdf', limit, ...json, async (req, res) => {
    const submission = await findSubmissionByStatusCode(deps, getPathParam(req, 'tenant'), req.body);
    const pdf = await renderSubmissionPdf(deps, submission);
    sendDownload(res, 'application/pdf', pdf.fileName, pdf.bytes.length);
    res.end(pdf.bytes);
  });

  return router;
}

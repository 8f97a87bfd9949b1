import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createRateLimit } from '../middleware/createRateLimit.ts';
import { readSingleFile } from '../middleware/readSingleFile.ts';
import { prepareUpload } from '../usecases/prepareUpload.ts';
import { storeUpload } from '../usecases/storeUpload.ts';
import { getPathParam } from './getPathParam.ts';

/**
 * Public upload of one file for a file field (mounted at /api/v1): multipart/form-data with one part `file`, the field
 * as `?field=<JSON pointer>` (no personal data). The answer carries the opaque upload token the submission refers to.
 */
export function createUploadsRouter(deps: AppDeps): Router {
  const router = Router();
  const limit = createRateLimit(deps, 'uploads', deps.config.submissionRateLimit, 60_000);

  router.post('/tenants/:tenant/services/:service/uploads', limit, async (req, res) => {
    let target;
    try {
      target = await prepareUpload(deps, getPathParam(req, 'tenant'), getPathParam(req, 'service'), req.query.field);
    } catch (error) {
      // Refused before reading the body: do not read it.
      res.set('Connection', 'close');
      throw error;
    }
    const receipt = await readSingleFile(req, res, target.spec.maxBytes, (file, fileName, truncated) => storeUpload(deps, target, file, fileName, truncated));
    res.status(201).json(receipt);
  });

  return router;
}

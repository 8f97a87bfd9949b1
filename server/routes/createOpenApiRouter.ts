import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createOpenApiDocument } from '../openapi/createOpenApiDocument.ts';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of every route (no personal data; cacheable). */
export function createOpenApiRouter(_deps: AppDeps): Router {
  const router = Router();
  const document = createOpenApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(document);
  });
  return router;
}

import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { setCacheControl } from '../middleware/setCacheControl.ts';
import { getOwnLegalPages, getPublicLegalPages, putOwnLegalPages } from '../usecases/legalPages.ts';

/**
 * Legal pages of each portal (mounted at /api/v1): the public read for the portal's Impressum, Datenschutz and
 * Kontakt pages, and the staff routes of the participant's own pages (read: any role; write: its admin).
 */
export function createLegalPagesRouter(deps: AppDeps): Router {
  const router = Router();
  const anyRole = requireStaff(deps, ['staff', 'editor', 'admin']);
  const admin = requireStaff(deps, ['admin']);

  router.get('/tenants/:tenant/legal-pages', setCacheControl('no-cache'), async (req, res) => {
    res.json(await getPublicLegalPages(deps, getPathParam(req, 'tenant')));
  });

  router.get('/staff/legal-pages', anyRole, async (_req, res) => {
    res.json(await getOwnLegalPages(deps, getStaffContext(res).user));
  });

  router.put('/staff/legal-pages', admin, ...parseJsonBody(deps.config.bodyLimitBytes), async (req, res) => {
    res.json(await putOwnLegalPages(deps, getStaffContext(res).user, req.body));
  });

  return router;
}

import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { createEditorUseCases } from '../usecases/createEditorUseCases.ts';
import { importEditorDraft } from '../usecases/importEditorDraft.ts';

/** Largest foreign form file the editor's import accepts (a source may be larger than the definition it becomes). */
const IMPORT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * The visual editor's API for Kreis editors (mounted at /api/v1/staff): services, versions, the shared draft per
 * service (PUT with the revision it was based on; 409 on a stale save), definition checks and publishing.
 */
export function createStaffEditorRouter(deps: AppDeps): Router {
  const router = Router();
  const editors = requireStaff(deps, ['editor', 'admin']);
  const json = parseJsonBody(deps.config.bodyLimitBytes);
  const editor = createEditorUseCases(deps);

  router.get('/editor/services', editors, async (_req, res) => {
    res.json({ items: await editor.listServices(getStaffContext(res).user) });
  });

  router.post('/editor/services', editors, ...json, async (req, res) => {
    res.status(201).json(await editor.createService(getStaffContext(res).user, req.body));
  });

  router.get('/editor/services/:service', editors, async (req, res) => {
    res.json(await editor.getService(getStaffContext(res).user, getPathParam(req, 'service')));
  });

  router.get('/editor/services/:service/versions/:version', editors, async (req, res) => {
    res.json(await editor.getVersion(getStaffContext(res).user, getPathParam(req, 'service'), getPathParam(req, 'version')));
  });

  router.post('/editor/services/:service/draft', editors, async (req, res) => {
    const { draft, created } = await editor.startDraft(getStaffContext(res).user, getPathParam(req, 'service'));
    res.status(created ? 201 : 200).json(draft);
  });

  router.get('/editor/services/:service/draft', editors, async (req, res) => {
    res.json(await editor.getDraft(getStaffContext(res).user, getPathParam(req, 'service')));
  });

  router.put('/editor/services/:service/draft', editors, ...json, async (req, res) => {
    res.json(await editor.saveDraft(getStaffContext(res).user, getPathParam(req, 'service'), req.body));
  });

  router.delete('/editor/services/:service/draft', editors, async (req, res) => {
    await editor.discardDraft(getStaffContext(res).user, getPathParam(req, 'service'), Number(req.query.revision));
    res.status(204).end();
  });

  router.post('/editor/services/:service/publish', editors, ...json, async (req, res) => {
    res.status(201).json(await editor.publish(getStaffContext(res).user, getPathParam(req, 'service'), req.body));
  });

  router.post('/editor/check', editors, ...json, async (req, res) => {
    res.json(await editor.checkDefinition(getStaffContext(res).user, req.body));
  });

  router.post('/editor/import', editors, ...parseJsonBody(Math.max(deps.config.bodyLimitBytes, IMPORT_BODY_LIMIT_BYTES)), async (req, res) => {
    res.status(201).json(await importEditorDraft(deps, getStaffContext(res).user, req.body));
  });

  return router;
}

import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { createStaffAccountUseCases } from '../usecases/createStaffAccountUseCases.ts';
import { formatStatisticsCsv, getSubmissionStatistics } from '../usecases/getSubmissionStatistics.ts';
import { getPathParam } from './getPathParam.ts';

/**
 * Staff management (mounted at /api/v1/staff): a participant's admins manage their own staff, read their audit
 * trail and statistics; every user changes their own password and sets up the TOTP second factor (these routes
 * stay reachable while a password change or TOTP set-up is pending).
 */
export function createStaffAccountsRouter(deps: AppDeps): Router {
  const router = Router();
  const admin = requireStaff(deps, ['admin']);
  const self = requireStaff(deps, ['staff', 'editor', 'admin'], { allowPending: true });
  const selfActive = requireStaff(deps, ['staff', 'editor', 'admin']);
  const json = parseJsonBody(deps.config.bodyLimitBytes);
  const accounts = createStaffAccountUseCases(deps);

  router.get('/users', admin, async (_req, res) => {
    res.json(await accounts.list(getStaffContext(res).user));
  });

  router.post('/users', admin, ...json, async (req, res) => {
    res.status(201).json(await accounts.create(getStaffContext(res).user, req.body));
  });

  router.get('/users/:userId', admin, async (req, res) => {
    res.json(await accounts.get(getStaffContext(res).user, getPathParam(req, 'userId')));
  });

  router.patch('/users/:userId', admin, ...json, async (req, res) => {
    res.json(await accounts.update(getStaffContext(res).user, getPathParam(req, 'userId'), req.body));
  });

  router.post('/users/:userId/password-reset', admin, async (req, res) => {
    res.json(await accounts.resetPassword(getStaffContext(res).user, getPathParam(req, 'userId')));
  });

  router.delete('/users/:userId/totp', admin, async (req, res) => {
    await accounts.resetTotp(getStaffContext(res).user, getPathParam(req, 'userId'));
    res.status(204).end();
  });

  router.post('/password', self, ...json, async (req, res) => {
    await accounts.changeOwnPassword(getStaffContext(res), req.body);
    res.status(204).end();
  });

  router.post('/totp/enrolment', self, async (_req, res) => {
    res.json(await accounts.startTotpEnrolment(getStaffContext(res).user));
  });

  router.post('/totp/activation', self, ...json, async (req, res) => {
    await accounts.activateTotp(getStaffContext(res).user, req.body);
    res.status(204).end();
  });

  router.post('/totp/deactivation', selfActive, ...json, async (req, res) => {
    await accounts.disableOwnTotp(getStaffContext(res).user, req.body);
    res.status(204).end();
  });

  router.get('/audit', admin, async (req, res) => {
    res.json(await accounts.audit(getStaffContext(res).user, req.query as Record<string, unknown>));
  });

  router.get('/statistics', admin, async (req, res) => {
    res.json(await getSubmissionStatistics(deps, getStaffContext(res).user, req.query as Record<string, unknown>));
  });

  router.get('/statistics.csv', admin, async (req, res) => {
    const statistics = await getSubmissionStatistics(deps, getStaffContext(res).user, req.query as Record<string, unknown>);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="statistik-${statistics.from}-bis-${statistics.to}.csv"`);
    res.send(`\uFEFF${formatStatisticsCsv(statistics)}`);
  });

  return router;
}

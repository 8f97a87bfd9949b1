import { Router } from 'express';
import { getPathParam } from './getPathParam.ts';
import type { AppDeps } from '../AppDeps.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { deleteDeliveryChannel, listDeliveryChannels, saveDeliveryChannel } from '../usecases/manageDeliveryChannels.ts';
import { getOutboxStatus, listSubmissionDeliveries, resendDelivery } from '../usecases/manageDeliveries.ts';

/**
 * Delivery after "Absenden" (mounted at /api/v1/staff): a participant's admin manages its delivery channels and
 * re-sends dead deliveries; staff see each submission's deliveries and the outbox status.
 */
export function createStaffDeliveryRouter(deps: AppDeps): Router {
  const router = Router();
  const staff = requireStaff(deps, ['staff', 'admin']);
  const admin = requireStaff(deps, ['admin']);
  const body = parseJsonBody(deps.config.bodyLimitBytes);

  router.get('/delivery-channels', admin, async (_req, res) => {
    res.json({ items: await listDeliveryChannels(deps, getStaffContext(res).user) });
  });

  router.post('/delivery-channels', admin, ...body, async (req, res) => {
    res.status(201).json(await saveDeliveryChannel(deps, getStaffContext(res).user, undefined, req.body));
  });

  router.put('/delivery-channels/:id', admin, ...body, async (req, res) => {
    res.json(await saveDeliveryChannel(deps, getStaffContext(res).user, getPathParam(req, 'id'), req.body));
  });

  router.delete('/delivery-channels/:id', admin, async (req, res) => {
    await deleteDeliveryChannel(deps, getStaffContext(res).user, getPathParam(req, 'id'));
    res.status(204).end();
  });

  router.get('/submissions/:id/deliveries', staff, async (req, res) => {
    res.json({ items: await listSubmissionDeliveries(deps, getStaffContext(res).user, getPathParam(req, 'id')) });
  });

  router.post('/deliveries/:id/resend', admin, async (req, res) => {
    res.json(await resendDelivery(deps, getStaffContext(res).user, getPathParam(req, 'id')));
  });

  router.get('/outbox', staff, async (_req, res) => {
    res.json(await getOutboxStatus(deps, getStaffContext(res).user));
  });

  return router;
}

import { Router, type Response } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import {
  formatPaymentReportCsv,
  getPaymentReport,
  getProviderSettings,
  refundPayment,
  saveFeeSchedule,
  saveProviderSettings,
} from '../usecases/payments/staffPayments.ts';
import { asJsonObject } from './asJsonObject.ts';
import { getPathParam } from './getPathParam.ts';
import { readYearQuery } from './readYearQuery.ts';

/**
 * Payments for staff (mounted at /api/v1/staff): the own participant's provider and transaction-cost terms (admin
 * writes, the secret is write-only), its fee schedule, a submission's payment and its refund, and the yearly report
 * of payments and transaction costs per participant and service (§ 2 (1)).
 */
export function createStaffPaymentsRouter(deps: AppDeps): Router {
  const router = Router();
  const anyStaff = requireStaff(deps, ['staff', 'editor', 'admin']);
  const admin = requireStaff(deps, ['admin']);
  const json = parseJsonBody(deps.config.bodyLimitBytes);
  const tenantOf = (res: Response): string => getStaffContext(res).user.tenant;
  const actorOf = (res: Response): string => getStaffContext(res).user.id;

  router.get('/payment-provider', anyStaff, async (_req, res) => {
    res.json(await getProviderSettings(deps, tenantOf(res)));
  });

  router.put('/payment-provider', admin, ...json, async (req, res) => {
    res.json(await saveProviderSettings(deps, tenantOf(res), asJsonObject(req.body), actorOf(res)));
  });

  router.get('/fees', anyStaff, async (_req, res) => {
    res.json({ tenant: tenantOf(res), items: await deps.storage.payments.listFeeSchedules(tenantOf(res)) });
  });

  router.put('/fees/:service', admin, ...json, async (req, res) => {
    res.json(await saveFeeSchedule(deps, tenantOf(res), getPathParam(req, 'service'), req.body, actorOf(res)));
  });

  router.delete('/fees/:service', admin, async (req, res) => {
    await saveFeeSchedule(deps, tenantOf(res), getPathParam(req, 'service'), null, actorOf(res));
    res.status(204).end();
  });

  router.get('/submissions/:id/payment', anyStaff, async (req, res) => {
    // Most submissions carry no payment: that is `null`, not an error; a missing or foreign submission is 404.
    const id = getPathParam(req, 'id');
    if (!(await deps.storage.submissions.get(tenantOf(res), id))) throw createHttpError('SUBMISSION_NOT_FOUND');
    res.json((await deps.storage.payments.listForSubmissions(tenantOf(res), [id])).get(id) ?? null);
  });

  router.post('/submissions/:id/refund', anyStaff, ...json, async (req, res) => {
    res.json(await refundPayment(deps, tenantOf(res), getPathParam(req, 'id'), asJsonObject(req.body), actorOf(res)));
  });

  router.get('/reports/payments', anyStaff, async (req, res) => {
    res.json(await getPaymentReport(deps, getStaffContext(res).user, readYearQuery(req)));
  });

  router.get('/reports/payments.csv', anyStaff, async (req, res) => {
    const report = await getPaymentReport(deps, getStaffContext(res).user, readYearQuery(req));
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="zahlungen-${report.year}.csv"`);
    res.send(`\uFEFF${formatPaymentReportCsv(report)}`);
  });

  return router;
}

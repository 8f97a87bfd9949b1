import { Router, type RequestHandler, type Response } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { requireStaff } from '../middleware/requireStaff.ts';
import { assertKreisEditor } from '../usecases/assertKreisEditor.ts';
import { getCostReport } from '../usecases/getCostReport.ts';
import { getCostsCsv } from '../usecases/getCostsCsv.ts';
import { getParticipationReport } from '../usecases/getParticipationReport.ts';
import { getPopulationTables } from '../usecases/getPopulationTables.ts';
import { getTerminationReport } from '../usecases/getTerminationReport.ts';
import { getUsageOverview } from '../usecases/getUsageOverview.ts';
import { getUsageReport } from '../usecases/getUsageReport.ts';
import { importPopulation } from '../usecases/importPopulation.ts';
import { parseYear } from '../usecases/isCostYear.ts';
import { recordPayment } from '../usecases/recordPayment.ts';
import { recordTermination } from '../usecases/recordTermination.ts';
import { replaceInterfaces } from '../usecases/replaceInterfaces.ts';
import { setServiceCost } from '../usecases/setServiceCost.ts';
import { withdrawTermination } from '../usecases/withdrawTermination.ts';
import { asJsonObject } from './asJsonObject.ts';
import { getPathParam } from './getPathParam.ts';
import { readYearQuery } from './readYearQuery.ts';

/**
 * The agreement's staff API (mounted at /api/v1/staff): reports, costs, population tables and terminations for
 * Kreis editors/admins (§§ 2, 3); interfaces, usage and payments of the signed-in user's own participant (§ 2 (1)).
 */
export function createAgreementRouter(deps: AppDeps): Router {
  const router = Router();
  const anyStaff = requireStaff(deps, ['staff', 'editor', 'admin']);
  const kreisEditor: RequestHandler = (_req, res, next) => {
    assertKreisEditor(getStaffContext(res).user);
    next();
  };
  const kreis = [anyStaff, kreisEditor];
  const json = parseJsonBody(deps.config.bodyLimitBytes);
  const actorOf = (res: Response): string => getStaffContext(res).user.id;

  router.get('/reports/costs', ...kreis, async (req, res) => {
    res.json(await getCostReport(deps.storage, readYearQuery(req)));
  });

  router.get('/reports/costs.csv', ...kreis, async (req, res) => {
    const year = readYearQuery(req);
    const csv = await getCostsCsv(deps.storage, year);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="kostenverteilung-${year}.csv"`);
    res.send(`\uFEFF${csv}`);
  });

  router.get('/reports/participation', ...kreis, async (_req, res) => {
    res.json(await getParticipationReport(deps.storage));
  });

  router.get('/reports/terminations', ...kreis, async (_req, res) => {
    res.json(await getTerminationReport(deps.storage, deps.now()));
  });

  router.get('/reports/usage', ...kreis, async (req, res) => {
    res.json(await getUsageOverview(deps.storage, readYearQuery(req)));
  });

  router.put('/services/:service/costs/:year', ...kreis, ...json, async (req, res) => {
    const body = asJsonObject(req.body);
    const year = parseYear(getPathParam(req, 'year'));
    res.json(await setServiceCost(deps.storage, { service: getPathParam(req, 'service'), year, amountCents: body.amountCents }, actorOf(res), deps.now()));
  });

  router.post('/terminations', ...kreis, ...json, async (req, res) => {
    const body = asJsonObject(req.body);
    res.status(201).json(await recordTermination(deps.storage, { tenant: body.tenant, noticeDate: body.noticeDate }, actorOf(res), deps.now()));
  });

  router.delete('/terminations/:tenant', ...kreis, async (req, res) => {
    if (getStaffContext(res).user.role !== 'admin') throw createHttpError('FORBIDDEN');
    await withdrawTermination(deps.storage, getPathParam(req, 'tenant'), actorOf(res));
    res.status(204).end();
  });

  router.get('/population', ...kreis, async (_req, res) => {
    res.json(await getPopulationTables(deps.storage));
  });

  router.post('/population/imports', ...kreis, ...json, async (req, res) => {
    const body = asJsonObject(req.body);
    if ((body.format !== 'csv' && body.format !== 'json') || typeof body.content !== 'string') {
      throw createHttpError('INVALID_POPULATION_IMPORT', [
        { pointer: '', message: 'send { "format": "csv" | "json", "content": "<file text>" }' },
      ]);
    }
    res.status(201).json(await importPopulation(deps.storage, { format: body.format, content: body.content }, actorOf(res)));
  });

  router.get('/interfaces', anyStaff, async (_req, res) => {
    const tenant = getStaffContext(res).user.tenant;
    res.json({ tenant, interfaces: await deps.storage.agreement.listInterfaces(tenant) });
  });

  router.put('/interfaces', anyStaff, ...json, async (req, res) => {
    const tenant = getStaffContext(res).user.tenant;
    res.json({ tenant, interfaces: await replaceInterfaces(deps.storage, tenant, asJsonObject(req.body).interfaces, actorOf(res)) });
  });

  router.get('/usage', anyStaff, async (req, res) => {
    res.json(await getUsageReport(deps.storage, getStaffContext(res).user.tenant, readYearQuery(req)));
  });

  router.post('/submissions/:id/payment', anyStaff, ...json, async (req, res) => {
    const body = asJsonObject(req.body);
    const payment = await recordPayment(
      deps.storage,
      getStaffContext(res).user.tenant,
      getPathParam(req, 'id'),
      { amountCents: body.amountCents, provider: body.provider, paidAt: body.paidAt },
      actorOf(res),
      deps.now(),
    );
    res.status(201).json(payment);
  });

  return router;
}

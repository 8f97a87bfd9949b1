import { Router, type Request } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { HttpError } from '../errors.ts';
import { createRateLimit } from '../middleware/createRateLimit.ts';
import { parseSubmissionBody } from '../middleware/parseSubmissionBody.ts';
import { setCacheControl } from '../middleware/setCacheControl.ts';
import { confirmPayment, getPaymentState } from '../usecases/payments/confirmPayment.ts';
import { getFeeInfo } from '../usecases/payments/getFeeInfo.ts';
import { startPayment } from '../usecases/payments/startPayment.ts';
import { getPathParam } from './getPathParam.ts';

/**
 * Online payment for citizens (mounted at /api/v1): a service's fee at a participant, starting a payment after the
 * review, the provider's signed return address (callback) and the payment's state for the portal (token in the
 * X-Payment-Token header, never in a URL the portal builds).
 */
export function createPaymentsRouter(deps: AppDeps): Router {
  const router = Router();
  const limit = createRateLimit(deps, 'payments', deps.config.submissionRateLimit, 60_000);

  router.get('/tenants/:tenant/services/:service/fee', setCacheControl('no-cache'), async (req, res) => {
    res.json(await getFeeInfo(deps, getPathParam(req, 'tenant'), getPathParam(req, 'service')));
  });

  router.post('/tenants/:tenant/services/:service/payments', limit, parseSubmissionBody(deps), async (req, res) => {
    const started = await startPayment(deps, {
      tenant: getPathParam(req, 'tenant'),
      service: getPathParam(req, 'service'),
      body: req.body,
      origin: originOf(req),
    });
    res.status(201).json(started);
  });

  router.get('/payments/:paymentId/return', limit, async (req, res) => {
    const id = getPathParam(req, 'paymentId');
    const signature = req.query.sig;
    let tenant: string;
    try {
      tenant = (await confirmPayment(deps, id, signature)).tenant;
    } catch (error) {
      if (!(error instanceof HttpError) || !['PAYMENT_EXPIRED', 'PAYMENT_PROVIDER_UNAVAILABLE', 'PAYMENT_PROVIDER_REFUSED'].includes(error.code)) throw error;
      const pending = await deps.storage.payments.getPending(id);
      if (!pending) throw error;
      tenant = pending.tenant;
    }
    res.redirect(303, `/${encodeURIComponent(tenant)}/zahlung#${encodeURIComponent(id)}.${encodeURIComponent(String(signature))}`);
  });

  router.get('/payments/:paymentId', limit, async (req, res) => {
    res.json(await getPaymentState(deps, getPathParam(req, 'paymentId'), req.get('x-payment-token')));
  });

  return router;
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

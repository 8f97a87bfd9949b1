import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../AppDeps.ts';
import { createXBezahldiensteStandIn, type XBezahldiensteStandIn } from './createXBezahldiensteStandIn.ts';

/**
 * Demo only (`PAYMENT_STANDIN_PORT`): starts the XBezahldienste stand-in on that port and, unless Erkelenz has a
 * real provider, points Erkelenz at it (25 ct + 1.50 % transaction cost) with a Bewohnerparkausweis fee of 30,50 €
 * when none is set. The stand-in moves no money. Never enable it in production.
 */
export async function startDemoStandIn(deps: AppDeps, port: number, host = '127.0.0.1'): Promise<XBezahldiensteStandIn> {
  const client = { clientId: 'kreisform-demo', clientSecret: randomBytes(18).toString('base64url'), originatorId: 'kreisform-demo', endPointId: '05370004' };
  const standIn = createXBezahldiensteStandIn({ clients: [client] });
  const baseUrl = await standIn.listen(port, host);
  const existing = await deps.storage.payments.getProvider('erkelenz');
  const at = deps.now().toISOString();
  if (!existing || existing.clientId === client.clientId) {
    await deps.storage.payments.saveProvider(
      { tenant: 'erkelenz', kind: 'xbezahldienste', baseUrl, ...client, fixedCostCents: 25, percentBasisPoints: 150, updatedBy: 'demo', updatedAt: at },
      { tenant: 'erkelenz', actor: 'demo', action: 'payment.provider_saved', subject: 'erkelenz', details: { kind: 'xbezahldienste', demo: true } },
    );
  }
  if (!(await deps.storage.payments.getFeeSchedule('erkelenz', 'bewohnerparkausweis'))) {
    await deps.storage.payments.saveFeeSchedule('erkelenz', 'bewohnerparkausweis', { baseCents: 3050 }, 'demo', at, {
      tenant: 'erkelenz',
      actor: 'demo',
      action: 'payment.fee_schedule_saved',
      subject: 'bewohnerparkausweis',
      details: { baseCents: 3050, demo: true },
    });
  }
  deps.logger.warn('payment stand-in running (demo only, moves no money)', { baseUrl });
  return standIn;
}

import type { AppDeps } from '../../AppDeps.ts';
import { resolveServedService } from '../resolveServedService.ts';
import { getOnlineFee } from './getOnlineFee.ts';
import type { FeeInfo } from '../../../contract/portalApi.ts';
export type { FeeInfo } from '../../../contract/portalApi.ts';

export async function getFeeInfo(deps: AppDeps, tenant: string, service: string): Promise<FeeInfo> {
  const { formVersion } = await resolveServedService(deps, tenant, service);
  const online = await getOnlineFee(deps, tenant, formVersion);
  if (!online) return { chargeable: false, online: false };
  return {
    chargeable: true,
    online: online.provider !== undefined,
    basis: online.fee.basis,
    ...(online.fee.pointer === undefined ? {} : { pointer: online.fee.pointer }),
    ...(online.fee.label === undefined ? {} : { label: online.fee.label }),
    baseCents: online.schedule.baseCents,
    ...(online.schedule.unitCents === undefined ? {} : { unitCents: online.schedule.unitCents }),
    ...(online.schedule.optionCents === undefined ? {} : { optionCents: online.schedule.optionCents }),
  };
}

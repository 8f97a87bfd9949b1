import type { AppDeps } from '../../AppDeps.ts';
import { resolveServedService } from '../resolveServedService.ts';
import { getOnlineFee } from './getOnlineFee.ts';

/** What the portal shows about a service's fee at a participant (service page and review). Amounts in cents. */
export interface FeeInfo {
  chargeable: boolean;
  /** True when the fee is paid online before the application is received. */
  online: boolean;
  basis?: 'fixed' | 'perItem' | 'byOption';
  pointer?: string;
  label?: string;
  baseCents?: number;
  unitCents?: number;
  optionCents?: Record<string, number>;
}

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

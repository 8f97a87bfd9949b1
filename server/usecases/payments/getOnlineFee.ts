import { computeFee, type Fee, type FeeSchedule } from '../../../engine/index.ts';
import type { AppDeps } from '../../AppDeps.ts';
import type { PublishedFormVersion } from '../../storage/FormVersionRepository.ts';
import type { ProviderConfig } from '../../storage/PaymentRepository.ts';

/** How a participant charges for the version it serves: the definition's fee, its schedule and its provider. */
export interface OnlineFee {
  fee: Fee;
  schedule: FeeSchedule;
  provider: ProviderConfig | undefined;
}

/** The fee setup of `tenant` for this version, or undefined when the definition declares no fee or no schedule is set. */
export async function getOnlineFee(deps: Pick<AppDeps, 'storage'>, tenant: string, formVersion: PublishedFormVersion): Promise<OnlineFee | undefined> {
  const fee = formVersion.definition.fee;
  if (!fee) return undefined;
  const schedule = await deps.storage.payments.getFeeSchedule(tenant, formVersion.id);
  if (!schedule) return undefined;
  return { fee, schedule, provider: await deps.storage.payments.getProvider(tenant) };
}

/** The amount in cents the citizen must pay online for `data`, or 0 when no online payment applies. */
export function amountDueOnline(online: OnlineFee | undefined, data: unknown): number {
  if (!online || !online.provider) return 0;
  return computeFee(online.fee, online.schedule, data);
}

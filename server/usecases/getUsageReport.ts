import type { ParticipantInterface, PaymentUsage } from '../storage/AgreementRepository.ts';
import type { Storage } from '../storage/Storage.ts';

export interface UsageReport {
  tenant: string;
  year: number;
  /** Submissions that carried a payment in the year (German calendar year), for the own billing of § 2 (1). */
  payments: { count: number; sumCents: number; byProvider: PaymentUsage[] };
  /** Interfaces in use at some time in the year (since on or before 31 December). */
  interfaces: ParticipantInterface[];
}

/**
 * A participant's own costs for a year (§ 2 (1)): payments carried by its submissions and its interfaces.
 * Year bounds are German midnights (1 January is always winter time, UTC+1).
 */
export async function getUsageReport(storage: Storage, tenant: string, year: number): Promise<UsageReport> {
  const from = `${year - 1}-12-31T23:00:00.000Z`;
  const before = `${year}-12-31T23:00:00.000Z`;
  const [byProvider, interfaces] = await Promise.all([
    storage.agreement.sumPayments(tenant, from, before),
    storage.agreement.listInterfaces(tenant),
  ]);
  return {
    tenant,
    year,
    payments: {
      count: byProvider.reduce((sum, entry) => sum + entry.count, 0),
      sumCents: byProvider.reduce((sum, entry) => sum + entry.sumCents, 0),
      byProvider,
    },
    interfaces: interfaces.filter((entry) => entry.since <= `${year}-12-31`),
  };
}

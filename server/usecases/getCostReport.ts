import { allocateCosts, type CostAllocation, type ServiceLead } from '../../engine/agreement/index.ts';
import { PARTICIPANTS } from '../../engine/participants.ts';
import type { Storage } from '../storage/Storage.ts';
import { listServiceLeads } from './listServiceLeads.ts';

/** One service's row of the cost report: its allocation plus title and lead. */
export type ServiceCostAllocation = CostAllocation & { title: string; lead: ServiceLead };

export interface CostReport {
  year: number;
  /** True when any split uses a figure not flagged official (demo or census data). */
  provisional: boolean;
  services: ServiceCostAllocation[];
}

/** The cost allocation (§ 2 (2)) of every published service for one year. */
export async function getCostReport(storage: Storage, year: number): Promise<CostReport> {
  const [services, enablements, terminations, populationFigures, costs] = await Promise.all([
    listServiceLeads(storage),
    storage.enablements.listAll(),
    storage.agreement.listTerminations(),
    storage.agreement.listPopulation(),
    storage.agreement.listCosts(year),
  ]);
  const costByService = new Map(costs.map((cost) => [cost.service, cost.amountCents]));
  const allocations = services.map(({ service, title, lead }) => ({
    ...allocateCosts({
      service,
      lead,
      year,
      amountCents: costByService.get(service),
      participants: PARTICIPANTS,
      enablements,
      terminations,
      populationFigures,
    }),
    title,
    lead,
  }));
  return {
    year,
    provisional: allocations.some((allocation) => allocation.kind === 'split' && allocation.provisional),
    services: allocations,
  };
}

import { createHttpError } from '../errors.ts';
import type { ServiceCost } from '../storage/AgreementRepository.ts';
import type { Storage } from '../storage/Storage.ts';
import { COST_YEARS, isCostYear } from './isCostYear.ts';

/**
 * Enters (or corrects) a service's costs for a year, in integer cents (§ 2 (2)). The service must be
 * published; the change is audited.
 */
export async function setServiceCost(
  storage: Storage,
  input: { service: string; year: unknown; amountCents: unknown },
  actor: string,
  now: Date,
): Promise<ServiceCost> {
  const problems = [];
  if (!isCostYear(input.year)) problems.push({ pointer: '/year', message: `year must be a whole number from ${COST_YEARS.min} to ${COST_YEARS.max}` });
  if (!Number.isSafeInteger(input.amountCents) || (input.amountCents as number) < 0) {
    problems.push({ pointer: '/amountCents', message: 'amountCents must be a whole number of cents, 0 or more' });
  }
  if (problems.length > 0) throw createHttpError('INVALID_COST', problems);
  if ((await storage.formVersions.listVersions(input.service)).length === 0) {
    throw createHttpError('NOT_FOUND', undefined, `There is no published service "${input.service}".`);
  }
  const cost: ServiceCost = {
    service: input.service,
    year: input.year as number,
    amountCents: input.amountCents as number,
    updatedAt: now.toISOString(),
    updatedBy: actor,
  };
  return storage.agreement.saveCost(cost, {
    tenant: 'kreis-heinsberg',
    actor,
    action: 'agreement.cost_set',
    subject: cost.service,
    details: { year: cost.year, amountCents: cost.amountCents },
  });
}

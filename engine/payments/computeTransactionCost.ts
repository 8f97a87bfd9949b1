import type { TransactionCostTerms } from './types.ts';

/**
 * The participant's transaction cost of one confirmed payment in integer cents: fixed + amount × percentage,
 * the percentage part rounded half up to a whole cent (integer arithmetic, no floating point).
 */
export function computeTransactionCost(amountCents: number, terms: TransactionCostTerms): number {
  const percentPart = Math.floor((amountCents * terms.percentBasisPoints + 5_000) / 10_000);
  return terms.fixedCents + percentPart;
}

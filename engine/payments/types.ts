import type { Fee } from '../generated/FormDefinition.ts';

export type { Fee };

/** A participant's own amounts for one chargeable service (§ 2 (1)); all integer cents. */
export interface FeeSchedule {
  /** Charged once per application (with basis 'fixed' the whole fee). */
  baseCents: number;
  /** perItem: charged per item (array length) or per unit (integer) at the definition's pointer. */
  unitCents?: number | undefined;
  /** byOption: amount per option value at the definition's pointer; an option not listed adds 0. */
  optionCents?: Record<string, number> | undefined;
}

/** A participant's transaction-cost contract with its payment provider (§ 2 (1)). */
export interface TransactionCostTerms {
  /** Fixed cost per confirmed payment, in cents. */
  fixedCents: number;
  /** Percentage of the amount in basis points (150 = 1.50 %). */
  percentBasisPoints: number;
}

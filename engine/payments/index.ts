export type { Fee, FeeSchedule, TransactionCostTerms } from './types.ts';
export { computeFee, isValidFeeSchedule } from './computeFee.ts';
export { computeTransactionCost } from './computeTransactionCost.ts';
export { formatEuro } from './formatEuro.ts';

/** Years a cost may be entered for. */
export const COST_YEARS = { min: 2000, max: 2100 } as const;

/** True when `year` is a whole year the agreement's cost reports accept. */
export function isCostYear(year: unknown): year is number {
  return Number.isInteger(year) && (year as number) >= COST_YEARS.min && (year as number) <= COST_YEARS.max;
}

/** Years a cost may be entered for. */
export const COST_YEARS = { min: 2000, max: 2100 } as const;

/** True when `year` is a whole year the agreement's cost reports accept. */
export function isCostYear(year: unknown): year is number {
  return Number.isInteger(year) && (year as number) >= COST_YEARS.min && (year as number) <= COST_YEARS.max;
}

/** A year written as four digits (`2025`) as a number; NaN for anything else, which isCostYear then refuses. */
export function parseYear(text: unknown): number {
  return typeof text === 'string' && /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
}

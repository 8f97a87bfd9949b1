import { isIsoDate } from '../germanFormats.ts';

/**
 * The population reference date of § 2 (2) of the agreement: 30 June of the year before the year in which
 * the implementation was agreed (`agreedOn` of the participant's enablement). Agreed on 2024-03-01 ->
 * 2023-06-30; agreed on 2024-12-31 -> 2023-06-30; agreed on 2025-01-01 -> 2024-06-30.
 */
export function getReferenceDate(agreedOn: string): string {
  if (!isIsoDate(agreedOn)) {
    throw new RangeError(`getReferenceDate: agreedOn "${agreedOn}" is not a valid YYYY-MM-DD date`);
  }
  return `${String(Number(agreedOn.slice(0, 4)) - 1).padStart(4, '0')}-06-30`;
}

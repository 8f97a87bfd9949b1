import { addMonths } from './addMonths.ts';
import { isIsoDate } from '../germanFormats.ts';

/** Notice period of § 3 (3) of the agreement, in months. */
export const NOTICE_PERIOD_MONTHS = 6;

/**
 * The end date that follows from a termination notice under § 3 (3) of the agreement: six months' notice
 * to the end of a budget year (in NRW the calendar year, § 4 KomHVO NRW).
 *
 * The end date is 31 December of the notice year when `noticeDate + 6 months <= 31 December` of that year,
 * otherwise 31 December of the following year. Months are added per § 188 (3) BGB (clamped to the month's
 * last day), so:
 * - 30 June 2026 + 6 months = 30 December 2026 <= 31 December 2026 -> ends 2026-12-31 (the last day on which
 *   notice still reaches the same year: counted back from 31 December, the six months begin on 1 July);
 * - 1 July 2026 + 6 months = 1 January 2027 > 31 December 2026 -> ends 2027-12-31;
 * - 29 February 2028 + 6 months = 29 August 2028 -> ends 2028-12-31 (leap days need no special case, as
 *   every notice from January to June lands in July to December of the same year).
 *
 * @param noticeDate the day the written notice was received, `YYYY-MM-DD`
 * @returns the end date, `YYYY-12-31`; from the day after it the participant takes no new submissions
 */
export function computeTerminationEnd(noticeDate: string): string {
  if (!isIsoDate(noticeDate)) {
    throw new RangeError(`computeTerminationEnd: "${noticeDate}" is not a valid YYYY-MM-DD date`);
  }
  const year = Number(noticeDate.slice(0, 4));
  const yearEnd = `${noticeDate.slice(0, 4)}-12-31`;
  const periodEnd = addMonths(noticeDate, NOTICE_PERIOD_MONTHS);
  return periodEnd <= yearEnd ? yearEnd : `${String(year + 1).padStart(4, '0')}-12-31`;
}

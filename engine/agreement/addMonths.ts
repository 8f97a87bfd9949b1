import { getDaysInMonth } from './getDaysInMonth.ts';
import { isIsoDate } from '../germanFormats.ts';

/**
 * Adds whole calendar months to an ISO date the way § 188 (3) BGB counts a period of months: the same day
 * number in the target month, or that month's last day when it is shorter (2026-08-31 + 6 months =
 * 2027-02-28; 2027-08-31 + 6 months = 2028-02-29).
 */
export function addMonths(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`addMonths: "${date}" is not a valid YYYY-MM-DD date`);
  if (!Number.isInteger(months)) throw new RangeError(`addMonths: months must be an integer, got ${months}`);
  const monthIndex = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), getDaysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

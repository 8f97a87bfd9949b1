import { isIsoDate } from './isIsoDate.ts';
import { todayInGermany } from './todayInGermany.ts';

let cachedToday = '';
let cachedUntil = 0;

/** todayInGermany() for the current time, recomputed at most once a minute (Intl formatting is costly). */
function currentToday(): string {
  const now = Date.now();
  if (now >= cachedUntil) {
    cachedToday = todayInGermany(new Date(now));
    cachedUntil = now - (now % 60_000) + 60_000;
  }
  return cachedToday;
}

/** A valid ISO date (YYYY-MM-DD) that is not after today in Germany, e.g. a date of birth. */
export function isPastDate(value: string): boolean {
  // ISO dates compare correctly as strings.
  return isIsoDate(value) && value <= currentToday();
}

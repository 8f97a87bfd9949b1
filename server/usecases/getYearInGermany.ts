const YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', year: 'numeric' });
const HOUR_MS = 60 * 60 * 1000;

// German time is UTC+1 or UTC+2, so the German year never changes within a UTC hour: one Intl call per hour
// instead of one per submission (Intl formatting is the costliest step of allocating a reference).
let cachedHour = Number.NaN;
let cachedYear = 0;

/** The calendar year of an instant in Germany (references restart each year at midnight German time). */
export function getYearInGermany(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour !== cachedHour) {
    cachedYear = Number(YEAR.format(instant));
    cachedHour = hour;
  }
  return cachedYear;
}

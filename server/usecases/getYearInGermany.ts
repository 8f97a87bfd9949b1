const YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', year: 'numeric' });

/** The calendar year of an instant in Germany (references restart each year at midnight German time). */
export function getYearInGermany(instant: Date): number {
  return Number(YEAR.format(instant));
}

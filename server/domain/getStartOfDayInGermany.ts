const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' });

/** The instant (ISO, UTC) at which the calendar day `YYYY-MM-DD` begins in Germany (CET/CEST). */
export function getStartOfDayInGermany(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, date);
  let instant = midnightUtc - offsetMinutes(midnightUtc) * 60_000;
  // The offset at the guessed instant can differ on a DST day; one correction settles it.
  instant = midnightUtc - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

function offsetMinutes(instant: number): number {
  const name = OFFSET.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

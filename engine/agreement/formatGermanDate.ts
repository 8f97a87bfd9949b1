/** `2026-12-31` -> `31.12.2026`, the date format German readers expect. */
export function formatGermanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

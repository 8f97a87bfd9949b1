// Created on first use: the first Intl formatter of a page costs tens of milliseconds (ICU set-up), which the
// portal's form should not pay before its first paint.
let berlinDateFormat: Intl.DateTimeFormat | undefined;
const berlinDate = () =>
  (berlinDateFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }));

/** Today's date in Germany as YYYY-MM-DD (a citizen's "today", whatever the server's time zone). */
export function todayInGermany(now: Date = new Date()): string {
  return berlinDate().format(now);
}

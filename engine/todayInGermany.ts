import { createLazyValue } from './createLazyValue.ts';

const berlinDate = createLazyValue(
  () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }),
);

/** Today's date in Germany as YYYY-MM-DD (a citizen's "today", whatever the server's time zone). */
export function todayInGermany(now: Date = new Date()): string {
  return berlinDate().format(now);
}

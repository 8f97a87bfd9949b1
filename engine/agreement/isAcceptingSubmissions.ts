/**
 * True when a participant's portal still takes new submissions on `today` (`YYYY-MM-DD`, German calendar
 * day): it has no end date, or today is on or before its end date. From the day after the end date its
 * portal takes none (§ 3 (3)); its staff keep read and export access.
 */
export function isAcceptingSubmissions(endsOn: string | undefined | null, today: string): boolean {
  return endsOn === undefined || endsOn === null || today <= endsOn;
}

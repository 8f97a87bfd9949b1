/**
 * True when a participant is still bound by the agreement during `year`: it has no end date, or its end
 * date (always a 31 December, § 3 (3)) is not before 1 January of `year`. A participant that ends on
 * 2026-12-31 is a member in 2026 and not in 2027.
 */
export function isMemberInYear(endsOn: string | undefined, year: number): boolean {
  return endsOn === undefined || endsOn >= `${String(year).padStart(4, '0')}-01-01`;
}

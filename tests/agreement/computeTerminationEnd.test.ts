import { describe, expect, it } from 'vitest';
import { addMonths } from '../../engine/agreement/addMonths.ts';
import { computeTerminationEnd } from '../../engine/agreement/computeTerminationEnd.ts';

// § 3 (3): six months' notice to the end of a budget year (= calendar year in NRW).
// end = 31.12. of the notice year if notice + 6 months <= 31.12. of that year, else 31.12. of the next year.
const cases: { noticeDate: string; plusSixMonths: string; endsOn: string }[] = [
  { noticeDate: '2026-01-01', plusSixMonths: '2026-07-01', endsOn: '2026-12-31' },
  { noticeDate: '2026-06-29', plusSixMonths: '2026-12-29', endsOn: '2026-12-31' },
  // 30.06. + 6 months = 30.12. <= 31.12.: still in time for the same year (counted back from 31.12., the
  // six months start on 01.07., so notice received on 30.06. is the last day in time).
  { noticeDate: '2026-06-30', plusSixMonths: '2026-12-30', endsOn: '2026-12-31' },
  // 01.07. + 6 months = 01.01. of the next year > 31.12.: too late, ends a year later.
  { noticeDate: '2026-07-01', plusSixMonths: '2027-01-01', endsOn: '2027-12-31' },
  { noticeDate: '2026-12-30', plusSixMonths: '2027-06-30', endsOn: '2027-12-31' },
  // 31.12. + 6 months = 30.06. (June has no 31st, § 188 (3) BGB) -> next year's 31.12.
  { noticeDate: '2026-12-31', plusSixMonths: '2027-06-30', endsOn: '2027-12-31' },
  { noticeDate: '2027-01-01', plusSixMonths: '2027-07-01', endsOn: '2027-12-31' },
  // Leap years: 29.02.2028 + 6 months = 29.08.2028 -> 31.12.2028.
  { noticeDate: '2028-02-29', plusSixMonths: '2028-08-29', endsOn: '2028-12-31' },
  { noticeDate: '2027-02-28', plusSixMonths: '2027-08-28', endsOn: '2027-12-31' },
  { noticeDate: '2028-06-30', plusSixMonths: '2028-12-30', endsOn: '2028-12-31' },
  { noticeDate: '2028-07-01', plusSixMonths: '2029-01-01', endsOn: '2029-12-31' },
];

describe('computeTerminationEnd', () => {
  it.each(cases)('notice on $noticeDate (+6 months = $plusSixMonths) ends on $endsOn', ({ noticeDate, plusSixMonths, endsOn }) => {
    expect(addMonths(noticeDate, 6)).toBe(plusSixMonths);
    expect(computeTerminationEnd(noticeDate)).toBe(endsOn);
  });

  it.each(['2026-02-29', '2026-13-01', '30.06.2026', ''])('rejects the impossible date %j', (noticeDate) => {
    expect(() => computeTerminationEnd(noticeDate)).toThrow(/not a valid YYYY-MM-DD date/);
  });
});

describe('addMonths', () => {
  it.each([
    { date: '2026-08-31', months: 6, expected: '2027-02-28' },
    { date: '2027-08-31', months: 6, expected: '2028-02-29' },
    { date: '2026-03-31', months: 6, expected: '2026-09-30' },
    { date: '2026-01-15', months: -1, expected: '2025-12-15' },
    { date: '2024-02-29', months: 12, expected: '2025-02-28' },
  ])('$date + $months months = $expected', ({ date, months, expected }) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

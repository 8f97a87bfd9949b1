import { isMemberInYear } from './isMemberInYear.ts';
import type { AgreementEnablement } from './types.ts';

/**
 * True when a participant takes part in a service during `year` for the cost split of § 2 (2): the service
 * is enabled for it, the implementation was agreed on or before 31 December of `year`, and the participant
 * had not left the agreement before 1 January of `year` (end date from a termination notice). Joining during
 * the year counts for the whole year; the costs of a year are not pro-rated by months.
 */
export function isParticipatingInYear(
  enablement: AgreementEnablement,
  endsOn: string | undefined,
  year: number,
): boolean {
  return (
    enablement.enabled &&
    enablement.agreedOn <= `${String(year).padStart(4, '0')}-12-31` &&
    isMemberInYear(endsOn, year)
  );
}

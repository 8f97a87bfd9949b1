import type { SubmissionStatus } from '../storage/SubmissionRepository.ts';

/** All statuses of a submission, in workflow order. */
export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt'];

const NEXT: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  eingegangen: ['in_bearbeitung'],
  in_bearbeitung: ['abgeschlossen', 'abgelehnt'],
  abgeschlossen: [],
  abgelehnt: [],
};

/** True when a submission may go from `from` to `to`: eingegangen -> in_bearbeitung -> abgeschlossen | abgelehnt. */
export function isAllowedStatusTransition(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return NEXT[from].includes(to);
}

export type SubmissionStatus = 'eingegangen' | 'in_bearbeitung' | 'abgeschlossen' | 'abgelehnt';

/** German names of the submission statuses. */
export const STATUS_NAMES: Record<SubmissionStatus, string> = {
  eingegangen: 'Eingegangen',
  in_bearbeitung: 'In Bearbeitung',
  abgeschlossen: 'Abgeschlossen',
  abgelehnt: 'Abgelehnt',
};

/** The statuses a submission may move to next (the server enforces the same workflow). */
export const NEXT_STATUSES: Record<SubmissionStatus, SubmissionStatus[]> = {
  eingegangen: ['in_bearbeitung'],
  in_bearbeitung: ['abgeschlossen', 'abgelehnt'],
  abgeschlossen: [],
  abgelehnt: [],
};

export interface SubmissionSummary {
  id: string;
  tenant: string;
  service: string;
  version: string;
  status: SubmissionStatus;
  reference: string;
  receivedAt: string;
  updatedAt: string;
  expiresAt: string;
}

/** Submissions counted per participant, service, status and UTC hour of receipt (no personal data). */
export interface SubmissionCount {
  tenant: string;
  service: string;
  status: string;
  /** UTC hour of receipt as 'YYYY-MM-DDTHH' (German months are whole hours away from UTC). */
  hour: string;
  count: number;
}

/** Aggregates for the statistics of admins and the Kreis. */
export interface StatisticsRepository {
  /** Counts of submissions received in [from, to) (ISO instants), of one participant or (tenant undefined) of all. */
  countSubmissions(query: { tenant?: string; from: string; to: string }): Promise<SubmissionCount[]>;
}

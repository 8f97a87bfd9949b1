/**
 * Leases of background jobs (retention), so that of several server processes on one database only one runs a job at a
 * time. A lease held by a process that died ends by itself at its `until`.
 */
export interface JobLeaseRepository {
  /** Takes the lease of `job` for `owner` until `until` (ISO) when nobody holds it after `now`; true when taken. */
  tryAcquire(job: string, owner: string, now: string, until: string): Promise<boolean>;
  /** Gives the lease back (only when `owner` still holds it). */
  release(job: string, owner: string): Promise<void>;
}

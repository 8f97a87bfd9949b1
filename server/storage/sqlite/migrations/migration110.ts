import type { Migration } from './Migration.ts';

/**
 * Scale-out: rate-limit counters (per keyed hash of limiter and client, fixed windows) and leases of background jobs,
 * in the database so that several server processes share them (PostgreSQL); SQLite keeps the same tables.
 */
export const migration110: Migration = {
  version: 110,
  name: 'rate-limit counters and job leases',
  sql: `
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL CHECK (hits >= 0),
  reset_at TEXT NOT NULL
) STRICT;
CREATE INDEX rate_limits_by_reset ON rate_limits (reset_at);

CREATE TABLE job_leases (
  job TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  until TEXT NOT NULL
) STRICT;
`,
};

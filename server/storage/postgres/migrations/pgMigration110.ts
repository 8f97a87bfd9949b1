import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Rate-limit counters and job leases (mirrors SQLite migration 110). */
export const pgMigration110: Migration = {
  version: 110,
  name: 'rate-limit counters and job leases',
  sql: `
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL CHECK (hits >= 0),
  reset_at text NOT NULL
);
CREATE INDEX rate_limits_by_reset ON rate_limits (reset_at);

CREATE TABLE job_leases (
  job text PRIMARY KEY,
  owner text NOT NULL,
  until text NOT NULL
);
`,
};

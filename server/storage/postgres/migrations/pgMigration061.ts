import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Failed sign-ins per account key for growing delays (mirrors SQLite migration 61). */
export const pgMigration061: Migration = {
  version: 61,
  name: 'login failures per account',
  sql: `
CREATE TABLE login_failures (
  account_key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at text NOT NULL,
  locked_until text
);
CREATE INDEX login_failures_by_age ON login_failures (last_failure_at);
`,
};

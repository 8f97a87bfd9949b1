import type { Migration } from './Migration.ts';

/**
 * Failed sign-ins per account for growing delays. The key is a hash of the normalised e-mail address (also for
 * addresses without an account, so the delay does not reveal which accounts exist); the typed password is never
 * stored.
 */
export const migration061: Migration = {
  version: 61,
  name: 'login failures per account',
  sql: `
CREATE TABLE login_failures (
  account_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_until TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX login_failures_by_age ON login_failures (last_failure_at);
`,
};

import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Counting a participant's unexpired drafts (the per-participant draft cap) must not scan every draft (mirrors SQLite migration 60). */
export const pgMigration060: Migration = {
  version: 60,
  name: 'drafts by participant',
  sql: `CREATE INDEX citizen_drafts_by_tenant ON citizen_drafts (tenant, expires_at);`,
};

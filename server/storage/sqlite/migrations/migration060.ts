import type { Migration } from './Migration.ts';

/** Counting a participant's unexpired drafts (the per-participant draft cap) must not scan every draft. */
export const migration060: Migration = {
  version: 60,
  name: 'drafts by participant',
  sql: `CREATE INDEX citizen_drafts_by_tenant ON citizen_drafts (tenant, expires_at);`,
};

import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** The staff inbox filtered by status (mirrors SQLite migration 111). */
export const pgMigration111: Migration = {
  version: 111,
  name: 'inbox index by status',
  sql: `
CREATE INDEX submissions_by_status ON submissions (tenant, status, received_at, id, service, version);
`,
};

import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Citizens' saved drafts, keyed by a hash of the resume code (mirrors SQLite migration 40). */
export const pgMigration040: Migration = {
  version: 40,
  name: 'citizen drafts',
  sql: `
CREATE TABLE citizen_drafts (
  code_hash text PRIMARY KEY,
  tenant text NOT NULL,
  service_id text NOT NULL,
  version text NOT NULL,
  data text NOT NULL CHECK (data::jsonb IS NOT NULL),
  created_at text NOT NULL,
  expires_at text NOT NULL
);
CREATE INDEX citizen_drafts_expires_at ON citizen_drafts (expires_at);
`,
};

import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Drafts of the visual editor (mirrors SQLite migration 30). */
export const pgMigration030: Migration = {
  version: 30,
  name: 'editor drafts',
  sql: `
CREATE TABLE editor_drafts (
  service_id text PRIMARY KEY,
  definition text NOT NULL CHECK (definition::jsonb IS NOT NULL),
  revision integer NOT NULL CHECK (revision >= 1),
  base_version text,
  updated_at text NOT NULL,
  updated_by text NOT NULL
);
`,
};

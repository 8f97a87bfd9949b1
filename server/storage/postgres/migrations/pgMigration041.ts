import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Reports of accessibility barriers per participant (mirrors SQLite migration 41). */
export const pgMigration041: Migration = {
  version: 41,
  name: 'accessibility feedback',
  sql: `
CREATE TABLE accessibility_feedback (
  id text PRIMARY KEY,
  tenant text NOT NULL,
  page text NOT NULL,
  message text NOT NULL,
  email text,
  received_at text NOT NULL
);
CREATE INDEX accessibility_feedback_tenant ON accessibility_feedback (tenant, received_at);
`,
};

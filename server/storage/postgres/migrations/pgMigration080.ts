import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Legal pages of each participant's portal (mirrors SQLite migration 80). */
export const pgMigration080: Migration = {
  version: 80,
  name: 'legal pages',
  sql: `
CREATE TABLE legal_pages (
  tenant text NOT NULL PRIMARY KEY REFERENCES participants (slug),
  impressum text NOT NULL,
  privacy_controller text NOT NULL,
  privacy_officer text NOT NULL,
  privacy_rights text NOT NULL,
  privacy_supervisory text NOT NULL,
  privacy_more text NOT NULL,
  contact text NOT NULL,
  updated_at text NOT NULL,
  updated_by text NOT NULL
);
`,
};

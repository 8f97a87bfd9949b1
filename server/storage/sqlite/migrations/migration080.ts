import type { Migration } from './Migration.ts';

/**
 * Legal pages of each participant's portal (Impressum, Datenschutzerklärung, contact), written by its admin in the
 * safe text format (engine/safeText.ts). Range 80-84: legal pages, service information, enable checklist.
 */
export const migration080: Migration = {
  version: 80,
  name: 'legal pages',
  sql: `
CREATE TABLE legal_pages (
  tenant TEXT NOT NULL PRIMARY KEY REFERENCES participants (slug),
  impressum TEXT NOT NULL,
  privacy_controller TEXT NOT NULL,
  privacy_officer TEXT NOT NULL,
  privacy_rights TEXT NOT NULL,
  privacy_supervisory TEXT NOT NULL,
  privacy_more TEXT NOT NULL,
  contact TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
`,
};

import type { Migration } from './Migration.ts';

/** Drafts of the visual editor: one per service, with a revision for optimistic concurrency. */
export const migration030: Migration = {
  version: 30,
  name: 'editor drafts',
  sql: `
CREATE TABLE editor_drafts (
  service_id TEXT PRIMARY KEY,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  base_version TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
`,
};

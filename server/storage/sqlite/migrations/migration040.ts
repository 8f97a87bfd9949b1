import type { Migration } from './Migration.ts';

/**
 * Citizens' saved drafts (save and resume without an account): only a SHA-256 hash of the resume code is kept,
 * the draft is pinned to the version it was saved under and expires (deleted on read after expiry).
 */
export const migration040: Migration = {
  version: 40,
  name: 'citizen drafts',
  sql: `
CREATE TABLE citizen_drafts (
  code_hash TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  service_id TEXT NOT NULL,
  version TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX citizen_drafts_expires_at ON citizen_drafts (expires_at);
`,
};

import type { Migration } from './Migration.ts';

/**
 * Attachments as files and status for citizens (range 70-79). `uploads`: one row per uploaded file; the bytes live in
 * the blob store under `blob_key`. An upload is found by the SHA-256 of its opaque token (the token itself is never
 * stored), belongs to one participant and service, and is bound to its submission in the submission's own
 * transaction (`submission_id`); unbound uploads expire after 24 hours and are purged by the retention job.
 * `scan`: 'clean' (a scanner found nothing) or 'unchecked' (no scanner configured: "nicht geprüft").
 * `blob_deletions`: bytes whose rows are gone, deleted from the blob store after the commit.
 * `submissions.status_code_hash`: SHA-256 of the status code shown once to the citizen (NULL for older rows).
 */
export const migration070: Migration = {
  version: 70,
  name: 'uploads and status codes',
  sql: `
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service TEXT NOT NULL,
  field TEXT NOT NULL,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL,
  blob_key TEXT NOT NULL,
  scan TEXT NOT NULL CHECK (scan IN ('clean', 'unchecked')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  submission_id TEXT REFERENCES submissions (id)
) STRICT;
CREATE INDEX uploads_by_submission ON uploads (submission_id) WHERE submission_id IS NOT NULL;
CREATE INDEX uploads_unbound_by_expiry ON uploads (expires_at) WHERE submission_id IS NULL;

-- Bytes to delete from the blob store: queued in the transaction that deletes their rows, removed once deleted (the
-- retention job retries leftovers after a crash).
CREATE TABLE blob_deletions (
  blob_key TEXT PRIMARY KEY,
  queued_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

ALTER TABLE submissions ADD COLUMN status_code_hash TEXT;
`,
};

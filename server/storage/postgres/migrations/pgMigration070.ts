import type { Migration } from '../../sqlite/migrations/Migration.ts';

/**
 * Attachments as files and status codes (mirrors SQLite migration 70): `uploads` (bytes in the blob store under
 * `blob_key`, found by the SHA-256 of the token, bound to its submission in the submission's transaction),
 * `blob_deletions` (bytes whose rows are gone) and `submissions.status_code_hash`.
 */
export const pgMigration070: Migration = {
  version: 70,
  name: 'uploads and status codes',
  sql: `
CREATE TABLE uploads (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  tenant text NOT NULL REFERENCES participants (slug),
  service text NOT NULL,
  field text NOT NULL,
  name text NOT NULL,
  media_type text NOT NULL,
  size bigint NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  blob_key text NOT NULL,
  scan text NOT NULL CHECK (scan IN ('clean', 'unchecked')),
  created_at text NOT NULL,
  expires_at text NOT NULL,
  submission_id text REFERENCES submissions (id)
);
CREATE INDEX uploads_by_submission ON uploads (submission_id) WHERE submission_id IS NOT NULL;
CREATE INDEX uploads_unbound_by_expiry ON uploads (expires_at) WHERE submission_id IS NULL;

-- Bytes to delete from the blob store: queued in the transaction that deletes their rows, removed once deleted.
CREATE TABLE blob_deletions (
  blob_key text PRIMARY KEY,
  queued_at text NOT NULL
);

ALTER TABLE submissions ADD COLUMN status_code_hash text;
`,
};

import type { Migration } from './Migration.ts';

/** Core tables: participants, published form versions, enablements, submissions, audit, staff users and sessions. */
export const migration001: Migration = {
  version: 1,
  name: 'core tables',
  sql: `
CREATE TABLE participants (
  slug TEXT PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  portal_name TEXT NOT NULL,
  reference_prefix TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('kreis', 'kommune'))
) STRICT;

CREATE TABLE form_versions (
  id TEXT NOT NULL,
  version TEXT NOT NULL,
  major INTEGER NOT NULL,
  minor INTEGER NOT NULL,
  patch INTEGER NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  hash TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
CREATE TRIGGER form_versions_immutable BEFORE UPDATE ON form_versions
BEGIN SELECT RAISE(ABORT, 'published form versions are immutable'); END;

CREATE TABLE enablements (
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service TEXT NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  version_policy TEXT NOT NULL,
  agreed_on TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (tenant, service)
) STRICT;

CREATE TABLE reference_counters (
  tenant TEXT NOT NULL REFERENCES participants (slug),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (tenant, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service TEXT NOT NULL,
  version TEXT NOT NULL,
  data TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt')),
  reference TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  FOREIGN KEY (service, version) REFERENCES form_versions (id, version)
) STRICT;
CREATE INDEX submissions_by_tenant ON submissions (tenant, received_at, id);
CREATE INDEX submissions_by_service ON submissions (tenant, service, version, received_at, id);
CREATE INDEX submissions_by_expiry ON submissions (expires_at);

CREATE TABLE idempotency_keys (
  tenant TEXT NOT NULL,
  service TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant, service, key)
) STRICT;
CREATE INDEX idempotency_keys_by_submission ON idempotency_keys (submission_id);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  tenant TEXT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT,
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;
CREATE INDEX audit_events_by_tenant ON audit_events (tenant, at);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES participants (slug),
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'editor', 'admin')),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
`,
};

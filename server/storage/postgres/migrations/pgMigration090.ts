import type { Migration } from '../../sqlite/migrations/Migration.ts';

/**
 * Delivery channels and the transactional outbox (mirrors SQLite migration 90). The outbox id is compared by key
 * ranges (a submission's deliveries share a prefix, see PostgresOutboxRepository), so it uses the byte order of SQLite's
 * BINARY collation (COLLATE "C") whatever the database's locale.
 */
export const pgMigration090: Migration = {
  version: 90,
  name: 'delivery channels and outbox',
  sql: `
CREATE TABLE delivery_channels (
  id text PRIMARY KEY,
  tenant text NOT NULL REFERENCES participants (slug),
  service text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('citizen_receipt', 'citizen_status', 'staff_notice', 'webhook', 'fitconnect')),
  enabled integer NOT NULL CHECK (enabled IN (0, 1)),
  config text NOT NULL,
  secret text,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  updated_by text NOT NULL,
  UNIQUE (tenant, kind, service)
);

CREATE TABLE outbox (
  id text COLLATE "C" PRIMARY KEY NOT NULL,
  event_id text NOT NULL,
  event_type text NOT NULL CHECK (event_type IN ('submission.received', 'submission.status_changed')),
  event_status text,
  tenant text NOT NULL,
  submission_id text NOT NULL,
  channel_id text NOT NULL,
  kind text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at text NOT NULL,
  lease_owner text,
  lease_until text,
  last_error text,
  created_at text NOT NULL,
  delivered_at text
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
`,
};

import type { Migration } from './Migration.ts';

/**
 * Delivery after "Absenden" (range 90-99): each participant's delivery channels (optionally per service) and the
 * transactional outbox. An outbox row is one delivery of one event (submission received, status changed) to one
 * channel; it is inserted by the same statement or transaction as the change itself. Its id is the stable delivery
 * id receivers use to drop duplicates. Rows hold no personal data: the payload is built from the submission when the
 * relay sends it, so erasing a submission (on request or by retention) also removes its pending deliveries.
 * `lease_until` is the claim of one relay; another relay may take the row only after the lease expired.
 * Few indexes on purpose: every one costs each submission's commit (the outbox rows ride in it). The id (see
 * SqliteOutboxRepository) starts with the submission id, so a submission's deliveries are found through the key.
 */
export const migration090: Migration = {
  version: 90,
  name: 'delivery channels and outbox',
  sql: `
CREATE TABLE delivery_channels (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('citizen_receipt', 'citizen_status', 'staff_notice', 'webhook', 'fitconnect')),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  config TEXT NOT NULL,
  secret TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (tenant, kind, service)
) STRICT;

CREATE TABLE outbox (
  id TEXT PRIMARY KEY NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL CHECK (event_type IN ('submission.received', 'submission.status_changed')),
  event_status TEXT,
  tenant TEXT NOT NULL,
  submission_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
`,
};

import type { Migration } from './Migration.ts';

/**
 * Online payment per participant (§ 2 (1)): each participant's fee schedule per service, its payment provider
 * (credentials are write-only through the API), pending payments ("Zahlung offen": the answers wait here under the
 * payment's id until the provider confirms; they are cleared when the payment is resolved or expires), the key that
 * signs the return addresses, and the transaction cost, provider reference and refund of each recorded payment.
 */
export const migration100: Migration = {
  version: 100,
  name: 'payments: fee schedules, providers, pending payments, transaction costs, refunds',
  sql: `
CREATE TABLE fee_schedules (
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service TEXT NOT NULL,
  schedule TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant, service)
) STRICT;

CREATE TABLE payment_providers (
  tenant TEXT PRIMARY KEY REFERENCES participants (slug),
  kind TEXT NOT NULL CHECK (kind IN ('xbezahldienste')),
  base_url TEXT NOT NULL,
  originator_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret TEXT NOT NULL,
  fixed_cost_cents INTEGER NOT NULL CHECK (fixed_cost_cents >= 0),
  percent_basis_points INTEGER NOT NULL CHECK (percent_basis_points BETWEEN 0 AND 10000),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE pending_payments (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service TEXT NOT NULL,
  version TEXT NOT NULL,
  data TEXT,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  provider TEXT NOT NULL,
  transaction_id TEXT,
  paypage_url TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled', 'failed', 'expired')),
  submission_id TEXT,
  reference TEXT,
  provider_reference TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX pending_payments_by_expiry ON pending_payments (status, expires_at);

CREATE TABLE payment_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret TEXT NOT NULL
) STRICT;
INSERT INTO payment_keys (id, secret) VALUES (1, lower(hex(randomblob(32))));

ALTER TABLE payments ADD COLUMN provider_reference TEXT;
ALTER TABLE payments ADD COLUMN transaction_id TEXT;
ALTER TABLE payments ADD COLUMN transaction_cost_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN refunded_at TEXT;
ALTER TABLE payments ADD COLUMN refund_reason TEXT;
ALTER TABLE payments ADD COLUMN refund_sent INTEGER NOT NULL DEFAULT 0;
`,
};

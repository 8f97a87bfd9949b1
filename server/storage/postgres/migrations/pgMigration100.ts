import type { Migration } from '../../sqlite/migrations/Migration.ts';

/**
 * Online payment per participant (mirrors SQLite migration 100): fee schedules, payment providers, pending payments,
 * the key signing return addresses (64 random hex digits from two gen_random_uuid(), a strong random source built
 * into PostgreSQL 13+) and the transaction cost, provider reference and refund of each payment.
 */
export const pgMigration100: Migration = {
  version: 100,
  name: 'payments: fee schedules, providers, pending payments, transaction costs, refunds',
  sql: `
CREATE TABLE fee_schedules (
  tenant text NOT NULL REFERENCES participants (slug),
  service text NOT NULL,
  schedule text NOT NULL,
  updated_by text NOT NULL,
  updated_at text NOT NULL,
  PRIMARY KEY (tenant, service)
);

CREATE TABLE payment_providers (
  tenant text PRIMARY KEY REFERENCES participants (slug),
  kind text NOT NULL CHECK (kind IN ('xbezahldienste')),
  base_url text NOT NULL,
  originator_id text NOT NULL,
  endpoint_id text NOT NULL,
  client_id text NOT NULL,
  client_secret text NOT NULL,
  fixed_cost_cents integer NOT NULL CHECK (fixed_cost_cents >= 0),
  percent_basis_points integer NOT NULL CHECK (percent_basis_points BETWEEN 0 AND 10000),
  updated_by text NOT NULL,
  updated_at text NOT NULL
);

CREATE TABLE pending_payments (
  id text PRIMARY KEY,
  tenant text NOT NULL REFERENCES participants (slug),
  service text NOT NULL,
  version text NOT NULL,
  data text,
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  provider text NOT NULL,
  transaction_id text,
  paypage_url text,
  status text NOT NULL CHECK (status IN ('open', 'paid', 'cancelled', 'failed', 'expired')),
  submission_id text,
  reference text,
  provider_reference text,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  expires_at text NOT NULL
);
CREATE INDEX pending_payments_by_expiry ON pending_payments (status, expires_at);

CREATE TABLE payment_keys (
  id integer PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL
);
INSERT INTO payment_keys (id, secret) VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

ALTER TABLE payments ADD COLUMN provider_reference text;
ALTER TABLE payments ADD COLUMN transaction_id text;
ALTER TABLE payments ADD COLUMN transaction_cost_cents integer NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN refunded_at text;
ALTER TABLE payments ADD COLUMN refund_reason text;
ALTER TABLE payments ADD COLUMN refund_sent integer NOT NULL DEFAULT 0;
`,
};

import type { Migration } from './Migration.ts';

/**
 * Agreement tables (Vereinbarung §§ 2, 3): population figures per reference date, service costs per year,
 * termination notices, each participant's interfaces and the payments carried by submissions.
 * Payments reference submissions without a foreign key on purpose: they hold no personal data and must outlive
 * the erasure of the submission for the participant's yearly billing.
 */
export const migration020: Migration = {
  version: 20,
  name: 'agreement: population, costs, terminations, interfaces, payments',
  sql: `
CREATE TABLE population_figures (
  reference_date TEXT NOT NULL,
  municipality_key TEXT NOT NULL,
  population INTEGER NOT NULL CHECK (population > 0),
  source TEXT NOT NULL,
  official INTEGER NOT NULL CHECK (official IN (0, 1)),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (reference_date, municipality_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE service_costs (
  service TEXT NOT NULL,
  year INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (service, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE terminations (
  tenant TEXT PRIMARY KEY REFERENCES participants (slug),
  notice_date TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;

CREATE TABLE participant_interfaces (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES participants (slug),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fit-connect', 'xta', 'email', 'custom')),
  since TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX participant_interfaces_by_tenant ON participant_interfaces (tenant, since);

CREATE TABLE payments (
  submission_id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  provider TEXT NOT NULL,
  paid_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX payments_by_tenant ON payments (tenant, paid_at);
`,
};

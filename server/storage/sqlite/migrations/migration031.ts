import type { Migration } from './Migration.ts';

/** Local details of a participant per service (office, contact, opening hours), shown on its portal. */
export const migration031: Migration = {
  version: 31,
  name: 'local service details',
  sql: `
CREATE TABLE local_details (
  tenant TEXT NOT NULL REFERENCES participants (slug),
  service_id TEXT NOT NULL,
  office TEXT NOT NULL,
  contact TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  notification_email TEXT NOT NULL,
  opening_hours TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (tenant, service_id)
) STRICT;
`,
};

import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Local details of a participant per service (mirrors SQLite migration 31). */
export const pgMigration031: Migration = {
  version: 31,
  name: 'local service details',
  sql: `
CREATE TABLE local_details (
  tenant text NOT NULL REFERENCES participants (slug),
  service_id text NOT NULL,
  office text NOT NULL,
  contact text NOT NULL,
  phone text NOT NULL,
  email text NOT NULL,
  notification_email text NOT NULL,
  opening_hours text NOT NULL,
  updated_at text NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (tenant, service_id)
);
`,
};

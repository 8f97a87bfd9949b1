import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Staff management and second factor, indexes for the audit view and statistics (mirrors SQLite migration 85). */
export const pgMigration085: Migration = {
  version: 85,
  name: 'staff management and second factor',
  sql: `
ALTER TABLE users ADD COLUMN must_change_password integer NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_enabled integer NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE users ADD COLUMN totp_last_step bigint;
CREATE INDEX audit_events_by_tenant_actor ON audit_events (tenant, actor, seq);
CREATE INDEX submissions_by_received ON submissions (received_at, tenant, service);
`,
};

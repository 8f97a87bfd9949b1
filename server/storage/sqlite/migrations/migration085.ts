import type { Migration } from './Migration.ts';

/**
 * Staff management (issue 14): a one-time password forces a change at the next sign-in (`must_change_password`);
 * an optional TOTP second factor (`totp_secret` pending until `totp_enabled`, `totp_last_step` against replay);
 * an index for the admins' audit view by actor. Range 85-89: staff management and statistics.
 */
export const migration085: Migration = {
  version: 85,
  name: 'staff management and second factor',
  sql: `
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
CREATE INDEX audit_events_by_tenant_actor ON audit_events (tenant, actor, seq);
CREATE INDEX submissions_by_received ON submissions (received_at, tenant, service);
`,
};

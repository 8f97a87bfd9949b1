import type { Migration } from '../../sqlite/migrations/Migration.ts';

/**
 * Tombstones of Idempotency-Keys whose submission was erased on request (mirrors SQLite migration 50): only the key
 * scope, no request hash and no submission id; forgotten with the normal idempotency TTL (by created_at).
 */
export const pgMigration050: Migration = {
  version: 50,
  name: 'erased idempotency keys',
  sql: `
CREATE TABLE erased_idempotency_keys (
  tenant text NOT NULL,
  service text NOT NULL,
  key text NOT NULL,
  created_at text NOT NULL,
  erased_at text NOT NULL,
  PRIMARY KEY (tenant, service, key)
);
CREATE INDEX erased_idempotency_keys_by_age ON erased_idempotency_keys (created_at);
`,
};

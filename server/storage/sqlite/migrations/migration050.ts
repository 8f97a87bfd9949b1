import type { Migration } from './Migration.ts';

/**
 * Tombstones of Idempotency-Keys whose submission was erased on request (GDPR Art. 17): a client retry with such a
 * key is refused instead of storing the erased data anew. Only the key scope is kept: no request hash (it is derived
 * from the personal data) and no submission id. Tombstones are forgotten with the normal idempotency TTL (by
 * created_at, the time of the original key). Range 50-59: submission erasure.
 */
export const migration050: Migration = {
  version: 50,
  name: 'erased idempotency keys',
  sql: `
CREATE TABLE erased_idempotency_keys (
  tenant TEXT NOT NULL,
  service TEXT NOT NULL,
  key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  erased_at TEXT NOT NULL,
  PRIMARY KEY (tenant, service, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX erased_idempotency_keys_by_age ON erased_idempotency_keys (created_at);
`,
};

import { randomUUID } from 'node:crypto';
import { PARTICIPANTS } from '../../engine/index.ts';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/createSqliteStorage.ts';

export type NewSubmission = Parameters<SqliteStorage['submissions']['create']>[0];

/** Opens SQLite storage at `path` with the participants seeded and a published form version `svc` 1.0.0. */
export async function openSeededStorage(path: string): Promise<SqliteStorage> {
  const storage = await createSqliteStorage(path);
  await storage.participants.seed(PARTICIPANTS);
  await storage.formVersions.publish({ id: 'svc', version: '1.0.0', definition: { id: 'svc' } as never, hash: 'sha256:a', publishedBy: 'test' });
  return storage;
}

/** A fresh submission of `svc` 1.0.0 to Erkelenz, received now and expiring in a day. */
export function newSubmission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    id: randomUUID(),
    tenant: 'erkelenz',
    service: 'svc',
    version: '1.0.0',
    data: { name: 'Erika Mustermann' },
    receivedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    referencePrefix: 'ERK',
    referenceYear: 2026,
    ...overrides,
  };
}

import { randomUUID } from 'node:crypto';
import { PARTICIPANTS } from '../../engine/index.ts';
import type { Storage } from '../../server/storage/Storage.ts';
import { openTestStorage, type BackendName, type TestStorage } from './openTestStorage.ts';

interface RawDatabase {
  write<T>(work: (tx: { run(sql: string, params?: readonly unknown[]): Promise<number> }) => Promise<T>): Promise<T>;
}

/** A new storage of the backend with the eleven participants seeded. */
export async function openSeededTestStorage(backend: BackendName): Promise<TestStorage> {
  const opened = await openTestStorage(backend);
  await opened.storage.participants.seed(PARTICIPANTS);
  return opened;
}

/** Runs one statement (`?` placeholders, SQL both backends understand) on the storage's database, for fixtures. */
export function runSql(storage: Storage, sql: string, params: readonly unknown[] = []): Promise<number> {
  return (storage as unknown as { db: RawDatabase }).db.write((tx) => tx.run(sql, params));
}

/** Inserts a submission row directly (fixtures for statistics and payments); the service version must be published. */
export async function insertSubmissionRow(
  storage: Storage,
  row: { tenant: string; service: string; version: string; status?: string; receivedAt: string },
): Promise<string> {
  const id = randomUUID();
  await runSql(
    storage,
    `INSERT INTO submissions (id, tenant, service, version, data, status, reference, received_at, updated_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, row.tenant, row.service, row.version, '{}', row.status ?? 'eingegangen', `REF-${id}`, row.receivedAt, row.receivedAt, '2099-01-01T00:00:00.000Z'],
  );
  return id;
}

/** Publishes `id` 1.0.0 with a minimal definition. */
export async function publishService(storage: Storage, id: string, version = '1.0.0'): Promise<void> {
  await storage.formVersions.publish({ id, version, definition: { id } as never, hash: `sha256:${id}-${version}`, publishedBy: 'test' });
}

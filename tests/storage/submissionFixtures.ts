import { randomUUID } from 'node:crypto';
import { PARTICIPANTS, type Participant } from '../../engine/index.ts';
import type { Storage } from '../../server/storage/Storage.ts';
import type { NewSubmission } from '../../server/storage/SubmissionRepository.ts';
import type { NewUpload } from '../../server/storage/UploadRepository.ts';
import { openTestStorage, type BackendName, type TestStorage } from './openTestStorage.ts';

export const SERVICE = 'contract-service';
export const OTHER_SERVICE = 'contract-other';
export const VERSION = '1.0.0';
export const A: Participant = PARTICIPANTS[0]!;
export const B: Participant = PARTICIPANTS[1]!;
export const FAR_FUTURE = '2099-01-01T00:00:00.000Z';

/** A migrated storage with the participants seeded and SERVICE and OTHER_SERVICE 1.0.0 published. */
export async function openSubmissionStorage(backend: BackendName): Promise<TestStorage> {
  const opened = await openTestStorage(backend);
  await opened.storage.participants.seed(PARTICIPANTS);
  for (const id of [SERVICE, OTHER_SERVICE]) {
    await opened.storage.formVersions.publish({ id, version: VERSION, definition: { id } as never, hash: `sha256:${id}-${VERSION}`, publishedBy: 'test' });
  }
  return opened;
}

let clock = Date.parse('2026-03-01T08:00:00.000Z');

/** A strictly later ISO time on every call (receipt times of one test are distinct and ordered). */
export function nextTime(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

/** A new submission of `participant` for SERVICE (overrides allowed). */
export function newSubmission(participant: Participant = A, overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    id: randomUUID(),
    tenant: participant.slug,
    service: SERVICE,
    version: VERSION,
    data: { name: 'Erika Mustermann', n: Math.random() },
    receivedAt: nextTime(),
    expiresAt: FAR_FUTURE,
    referencePrefix: participant.referencePrefix,
    referenceYear: 2026,
    ...overrides,
  };
}

/** A new unbound upload of `participant` for SERVICE, expiring far in the future. */
export function newUpload(participant: Participant = A, overrides: Partial<NewUpload> = {}): NewUpload {
  const id = randomUUID();
  return {
    id,
    tokenHash: `token-${id}`,
    tenant: participant.slug,
    service: SERVICE,
    field: '/nachweis',
    name: 'nachweis.pdf',
    mediaType: 'application/pdf',
    size: 1234,
    sha256: 'ab'.repeat(32),
    blobKey: `blob-${id}`,
    scan: 'clean',
    createdAt: nextTime(),
    expiresAt: FAR_FUTURE,
    ...overrides,
  };
}

/** The sequence number at the end of a reference such as 'ERK-2026-000042'. */
export function sequenceOf(reference: string): number {
  return Number(reference.split('-').at(-1));
}

/** Creates a submission and returns its summary (fails the test unless it was created). */
export async function createSubmission(storage: Storage, submission: NewSubmission = newSubmission()) {
  const result = await storage.submissions.create(submission);
  if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);
  return result.submission;
}

/**
 * A second handle on the same database, as a second server process has: its own pool on PostgreSQL. SQLite has one
 * writer per database file, so there the second handle is the same storage (the assertions stay the same).
 */
export async function openSecondProcess(opened: TestStorage, backend: BackendName): Promise<{ storage: Storage; dispose(): Promise<void> }> {
  if (backend === 'sqlite') return { storage: opened.storage, dispose: async () => undefined };
  const { createStorage } = await import('../../server/storage/createStorage.ts');
  const url = (opened.storage as unknown as { db: { url: string } }).db.url;
  const storage = await createStorage({ databaseUrl: url, dataDir: '/nonexistent', maxConnections: 5 });
  return { storage, dispose: () => storage.close() };
}

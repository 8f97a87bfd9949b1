import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/storage/sqlite/applyMigrations.ts';
import type { SqliteStorage } from '../../server/storage/sqlite/createSqliteStorage.ts';
import { MIGRATIONS } from '../../server/storage/sqlite/migrations/MIGRATIONS.ts';
import { SqliteDatabase } from '../../server/storage/sqlite/SqliteDatabase.ts';
import { runRetention } from '../../server/usecases/runRetention.ts';
import { loadConfig } from '../../server/loadConfig.ts';
import { FileBlobStore } from '../../server/files/FileBlobStore.ts';
import { newSubmission, openSeededStorage } from './openSeededStorage.ts';

describe('SQLite storage', () => {
  let dir: string;
  let storage: SqliteStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kreisform-storage-'));
    storage = await openSeededStorage(join(dir, 'sub', 'k.sqlite'));
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('When the database is opened, then it is in WAL mode with synchronous=FULL and all migrations are recorded', async () => {
    expect(await storage.db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    const applied = await storage.db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    expect(await applyMigrations(storage.db, MIGRATIONS)).toEqual([]);
  });

  it('When two migrations share a number, then applying throws naming both', async () => {
    await expect(applyMigrations(storage.db, [...MIGRATIONS, { version: 1, name: 'clash', sql: 'SELECT 1' }])).rejects.toThrow(/share version 1/);
  });

  it('When the database has a migration this build does not know, then opening fails', async () => {
    await storage.db.write((tx) => tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')"));
    await expect(applyMigrations(storage.db, MIGRATIONS)).rejects.toThrow(/does not know: 999/);
  });

  it('When a migration fails, then it is rolled back and not recorded', async () => {
    const db = await SqliteDatabase.open(join(dir, 'other.sqlite'));
    try {
      await expect(applyMigrations(db, [{ version: 5, name: 'broken', sql: 'CREATE TABLE t (a INTEGER); INSERT INTO nope VALUES (1);' }])).rejects.toThrow(/nope/);
      expect(await db.get("SELECT name FROM sqlite_master WHERE name = 't'")).toBeUndefined();
      expect(await db.all('SELECT * FROM schema_migrations')).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('When a job of a group commit fails, then only that job fails and the others of the batch are committed', async () => {
    const results = await Promise.allSettled([
      storage.db.write((tx) => tx.run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'one')")),
      storage.db.write(async (tx) => {
        await tx.run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'doomed')");
        throw new Error('job failed');
      }),
      storage.db.write((tx) => tx.run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'three')")),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const actions = await storage.db.all<{ action: string }>('SELECT action FROM audit_events ORDER BY seq');
    expect(actions.map((a) => a.action)).toEqual(['one', 'three']);
  });

  it('When many submissions are written concurrently, then all resolve after commit, readable from the reader connection', async () => {
    const created = await Promise.all(Array.from({ length: 600 }, () => storage.submissions.create(newSubmission())));
    expect(created.every((c) => c.kind === 'created')).toBe(true);
    const count = await storage.db.get<{ n: number }>('SELECT count(*) AS n FROM submissions');
    expect(count!.n).toBe(600);
    const references = created.map((c) => (c.kind === 'created' ? c.submission.reference : ''));
    expect(new Set(references).size).toBe(600);
    expect(references).toContain('ERK-2026-000600');
  });

  it('When one submission of a batch violates a constraint, then only it fails and the others are stored', async () => {
    const results = await Promise.allSettled([
      storage.submissions.create(newSubmission()),
      storage.submissions.create(newSubmission({ version: '9.9.9' })),
      storage.submissions.create(newSubmission()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storage.db.get<{ n: number }>('SELECT count(*) AS n FROM submissions'))!.n).toBe(2);
  });

  it('When one batch holds the same idempotency key twice, then one submission is stored and both get it', async () => {
    const [a, b] = await Promise.all([
      storage.submissions.create(newSubmission(), { key: 'same', requestHash: 'h' }),
      storage.submissions.create(newSubmission(), { key: 'same', requestHash: 'h' }),
    ]);
    expect(a!.kind).toBe('created');
    expect(b).toMatchObject({ kind: 'replayed', requestHash: 'h', submission: { id: a!.kind === 'created' ? a!.submission.id : '' } });
    expect((await storage.db.get<{ n: number }>('SELECT count(*) AS n FROM submissions'))!.n).toBe(1);
  });

  it('When references pass into a new year, then numbering starts again at 1 for that year', async () => {
    await storage.submissions.create(newSubmission({ referenceYear: 2026 }));
    const next = await storage.submissions.create(newSubmission({ referenceYear: 2027 }));
    expect(next.kind === 'created' && next.submission.reference).toBe('ERK-2027-000001');
  });

  it('When a published version is updated directly, then the database refuses (immutable)', async () => {
    await expect(storage.db.write((tx) => tx.run("UPDATE form_versions SET definition = '{}' WHERE id = 'svc'"))).rejects.toThrow(/immutable/);
    expect(await storage.formVersions.publish({ id: 'svc', version: '1.0.0', definition: { id: 'svc', x: 1 } as never, hash: 'sha256:b', publishedBy: 'test' })).toBe('conflict');
    expect(await storage.formVersions.publish({ id: 'svc', version: '1.0.0', definition: { id: 'svc' } as never, hash: 'sha256:a', publishedBy: 'test' })).toBe('unchanged');
  });

  it('When the retention job runs, then expired submissions and their idempotency keys are erased with a count-only audit event', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    const expired = newSubmission({ expiresAt: past });
    await storage.submissions.create(expired, { key: 'k1', requestHash: 'h' });
    const kept = newSubmission();
    await storage.submissions.create(kept);
    const result = await runRetention({ storage, config: loadConfig({}), now: () => new Date(), blobs: new FileBlobStore(join(dir, 'blobs')) });
    expect(result.erasedSubmissions).toBe(1);
    expect(await storage.submissions.get('erkelenz', expired.id)).toBeUndefined();
    expect(await storage.submissions.get('erkelenz', kept.id)).toBeDefined();
    expect(await storage.submissions.findByIdempotencyKey('erkelenz', 'svc', 'k1')).toBeUndefined();
    const [event] = await storage.audit.list({ action: 'submission.erased' });
    expect(event).toMatchObject({ tenant: 'erkelenz', actor: 'system', subject: 'svc', details: { count: 1, reason: 'retention' } });
    expect(JSON.stringify(event)).not.toContain('Erika');
    expect(JSON.stringify(event)).not.toContain(expired.id);
  });
});

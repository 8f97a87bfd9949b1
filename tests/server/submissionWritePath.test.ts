import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/createSqliteStorage.ts';
import { newSubmission as newSeededSubmission, openSeededStorage, type NewSubmission } from './openSeededStorage.ts';

/** The fast write path of submissions: single-statement group commit, in-memory reference counters. */
describe('Submission write path', () => {
  let dir: string;
  let storage: SqliteStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kreisform-writepath-'));
    storage = await openSeededStorage(join(dir, 'k.sqlite'));
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const newSubmission = (overrides: Partial<NewSubmission> = {}) =>
    newSeededSubmission({ data: { name: 'Erika Mustermann', note: 'Straße "3" \\ ü' }, ...overrides });
  const referencesOf = (results: Awaited<ReturnType<SqliteStorage['submissions']['create']>>[]) =>
    results.map((result) => (result.kind === 'created' ? result.submission.reference : ''));

  it('When a single-statement job runs a second statement, then it fails and its first statement stays committed', async () => {
    await expect(
      storage.db.writeSingleStatement(async (run) => {
        await run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'first')");
        return run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'second')");
      }),
    ).rejects.toThrow(/second statement/);
    const actions = await storage.db.all<{ action: string }>('SELECT action FROM audit_events');
    expect(actions.map((a) => a.action)).toEqual(['first']);
  });

  it('When single-statement and transactional jobs are queued together, then they all commit in queue order', async () => {
    const order: string[] = [];
    await Promise.all([
      storage.db.write(async (tx) => (order.push('tx1'), tx.run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'tx1')"))),
      storage.db.writeSingleStatement(async (run) => (order.push('one'), run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'one')"))),
      storage.db.write(async (tx) => (order.push('tx2'), tx.run("INSERT INTO audit_events (at, actor, action) VALUES ('t', 'a', 'tx2')"))),
    ]);
    expect(order).toEqual(['tx1', 'one', 'tx2']);
    const actions = await storage.db.all<{ action: string }>('SELECT action FROM audit_events ORDER BY seq');
    expect(actions.map((a) => a.action)).toEqual(['tx1', 'one', 'tx2']);
  });

  it('When a batch fails, then no reference is lost or repeated and the next ones continue from the committed counter', async () => {
    const first = await Promise.all([storage.submissions.create(newSubmission()), storage.submissions.create(newSubmission())]);
    expect(referencesOf(first)).toEqual(['ERK-2026-000001', 'ERK-2026-000002']);
    const mixed = await Promise.allSettled([
      storage.submissions.create(newSubmission()),
      storage.submissions.create(newSubmission({ version: '9.9.9' })),
      storage.submissions.create(newSubmission()),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await storage.db.all<{ reference: string }>('SELECT reference FROM submissions ORDER BY reference');
    expect(stored.map((row) => row.reference)).toEqual(['ERK-2026-000001', 'ERK-2026-000002', 'ERK-2026-000003', 'ERK-2026-000004']);
    const next = await storage.submissions.create(newSubmission());
    expect(referencesOf([next])).toEqual(['ERK-2026-000005']);
    expect(await storage.db.get('SELECT last FROM reference_counters WHERE tenant = ? AND year = ?', ['erkelenz', 2026])).toEqual({ last: 5 });
  });

  it('When keyed and unkeyed submissions of several participants arrive together, then references are unique and gap-free per participant', async () => {
    const created = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        storage.submissions.create(
          i % 3 === 0 ? newSubmission({ tenant: 'gangelt', referencePrefix: 'GAN' }) : newSubmission(),
          i % 4 === 0 ? { key: `key-${i}`, requestHash: 'h' } : undefined,
        ),
      ),
    );
    const references = referencesOf(created).sort();
    expect(new Set(references).size).toBe(120);
    expect(references.filter((r) => r.startsWith('GAN'))).toHaveLength(40);
    expect(references).toContain('GAN-2026-000040');
    expect(references).toContain('ERK-2026-000080');
    expect(await storage.db.all('SELECT tenant, last FROM reference_counters ORDER BY tenant')).toEqual([
      { tenant: 'erkelenz', last: 80 },
      { tenant: 'gangelt', last: 40 },
    ]);
  });

  it('When a submission is stored, then its data is kept exactly as JSON text', async () => {
    const submission = newSubmission();
    const created = await storage.submissions.create(submission);
    expect(created.kind).toBe('created');
    const row = await storage.db.get<{ data: string }>('SELECT data FROM submissions WHERE id = ?', [submission.id]);
    expect(row!.data).toBe(JSON.stringify(submission.data));
  });

  it('When submissions are committed, then a background checkpoint copies them into the database file', async () => {
    const file = join(dir, 'k.sqlite');
    const sizeBefore = (await stat(file)).size;
    await Promise.all(Array.from({ length: 300 }, () => storage.submissions.create(newSubmission())));
    const deadline = Date.now() + 10_000;
    while ((await stat(file)).size <= sizeBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stat(file)).size).toBeGreaterThan(sizeBefore);
  });

  it('When the storage is reopened, then reference numbering continues from the file', async () => {
    await Promise.all([storage.submissions.create(newSubmission()), storage.submissions.create(newSubmission())]);
    await storage.close();
    storage = await createSqliteStorage(join(dir, 'k.sqlite'));
    const next = await storage.submissions.create(newSubmission());
    expect(referencesOf([next])).toEqual(['ERK-2026-000003']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPANTS } from '../../engine/index.ts';
import { createStorage } from '../../server/storage/createStorage.ts';
import type { Storage } from '../../server/storage/Storage.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts';

/** Waits until `check` holds, at most `ms`; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

// Two storages on one PostgreSQL database stand for two server processes (each has its own pool and caches).
describe('repository caches across processes on postgres', () => {
  let database: TestDatabase;
  let a: Storage;
  let b: Storage;
  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createStorage({ databaseUrl: database.url, dataDir: '/nonexistent', maxConnections: 3 });
    b = await createStorage({ databaseUrl: database.url, dataDir: '/nonexistent', maxConnections: 3 });
    await a.participants.seed(PARTICIPANTS);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await database.drop();
  });

  it('When one process publishes a version or changes an enablement, then the other serves it within a second', async () => {
    // Fill the other process's caches first.
    expect(await b.formVersions.listVersions('hund')).toEqual([]);
    expect(await b.formVersions.listServiceIds()).toEqual([]);
    expect(await b.enablements.get('erkelenz', 'hund')).toBeUndefined();

    await a.formVersions.publish({ id: 'hund', version: '1.0.0', definition: { id: 'hund' } as never, hash: 'sha256:a', publishedBy: 'u' });
    expect(await a.formVersions.listVersions('hund')).toEqual(['1.0.0']);
    await within(1000, async () => (await b.formVersions.listVersions('hund')).length === 1);
    expect(await b.formVersions.listServiceIds()).toEqual(['hund']);
    expect((await b.formVersions.get('hund', '1.0.0'))?.hash).toBe('sha256:a');

    const enablement = { tenant: 'erkelenz', service: 'hund', enabled: true, versionPolicy: 'auto-minor', agreedOn: '2026-01-01', changedBy: 'u', changedAt: '2026-01-01T00:00:00.000Z' };
    await a.enablements.save(enablement, { tenant: 'erkelenz', actor: 'u', action: 'enablement.changed', subject: 'hund' });
    expect((await a.enablements.get('erkelenz', 'hund'))?.enabled).toBe(true);
    await within(1000, async () => (await b.enablements.get('erkelenz', 'hund'))?.enabled === true);

    await a.enablements.save({ ...enablement, enabled: false }, { tenant: 'erkelenz', actor: 'u', action: 'enablement.changed', subject: 'hund' });
    await within(1000, async () => (await b.enablements.get('erkelenz', 'hund'))?.enabled === false);
    expect((await b.enablements.listByTenant('erkelenz')).map((e) => e.enabled)).toEqual([false]);
  });

  it('When a change arrives without a notification (written around the repositories), then it is still served within a second', async () => {
    expect((await b.enablements.get('erkelenz', 'hund'))?.versionPolicy).toBe('auto-minor');
    await (a as unknown as { db: { run(sql: string, params: unknown[]): Promise<number> } }).db.run(
      'UPDATE enablements SET version_policy = ? WHERE tenant = ? AND service = ?',
      ['^1', 'erkelenz', 'hund'],
    );
    await within(1000, async () => (await b.enablements.get('erkelenz', 'hund'))?.versionPolicy === '^1');
  });

  it('When one process records or withdraws a termination, then the other sees it within a second', async () => {
    expect(await b.agreement.getTermination('wegberg')).toBeUndefined();
    const termination = { tenant: 'wegberg', noticeDate: '2026-06-30', endsOn: '2027-12-31', recordedBy: 'u', recordedAt: '2026-06-30T10:00:00.000Z' };
    expect(await a.agreement.createTermination(termination, { tenant: 'wegberg', actor: 'u', action: 'termination.recorded', subject: 'wegberg' })).toBe('created');
    await within(1000, async () => (await b.agreement.getTermination('wegberg'))?.endsOn === '2027-12-31');
    expect(await b.agreement.deleteTermination('wegberg', { tenant: 'wegberg', actor: 'u', action: 'termination.withdrawn', subject: 'wegberg' })).toBe(true);
    await within(1000, async () => (await a.agreement.listTerminations()).length === 0);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeLocalDetails } from '../helpers/completeLocalDetails.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { startFixtureServer } from '../server/startFixtureServer.ts';

/** Asks `probe` every 50 ms until it returns true; gives up after `withinMs`. Returns the time it took. */
async function within(withinMs: number, probe: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`not seen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Two apps on one PostgreSQL database (two pools, two sets of repository caches: as two server processes). What one
 * changes, the other serves within a second, although it had read (and cached) the old state just before.
 */
describe('two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let dataDir: string;
  let writer: StartedServer;
  let reader: StartedServer;
  let selfkant: StaffSessionForTest;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'kreisform-fresh-'));
    writer = await startFixtureServer({ dataDir, config: { databaseUrl: database.url } });
    reader = await startFixtureServer({ dataDir, config: { databaseUrl: database.url } });
    selfkant = await createStaffSession(writer, 'selfkant');
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const servedVersion = async (server: StartedServer, tenant: string): Promise<string | undefined> => {
    const response = await fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/services/testantrag`);
    return response.status === 200 ? ((await response.json()) as { version: string }).version : undefined;
  };
  const listed = async (server: StartedServer, tenant: string): Promise<string[]> => {
    const body = (await (await fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/services`)).json()) as { items: { id: string }[] };
    return body.items.map((item) => item.id);
  };
  const enable = async (enabled: boolean) => {
    const response = await fetch(`${writer.baseUrl}/api/v1/staff/enablements/testantrag`, {
      method: 'PUT',
      headers: selfkant.headers(),
      body: JSON.stringify({ enabled, versionPolicy: '^1', agreedOn: '2026-03-01' }),
    });
    expect(response.status).toBe(200);
  };

  it('When one process enables a service, then the other lists and serves it (with the local details) within a second', async () => {
    expect(await listed(reader, 'selfkant')).not.toContain('testantrag');
    expect(await servedVersion(reader, 'selfkant')).toBeUndefined();
    await completeLocalDetails(writer, selfkant, 'testantrag');
    await enable(true);
    await within(1_000, async () => (await listed(reader, 'selfkant')).includes('testantrag'));
    await within(1_000, async () => (await servedVersion(reader, 'selfkant')) === '1.0.0');
    const served = (await (await fetch(`${reader.baseUrl}/api/v1/tenants/selfkant/services/testantrag`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(served)).toContain('Bürgerbüro');
  });

  it('When one process disables it again, then the other answers 404 within a second', async () => {
    expect(await servedVersion(reader, 'selfkant')).toBe('1.0.0');
    await enable(false);
    await within(1_000, async () => (await servedVersion(reader, 'selfkant')) === undefined);
    expect((await fetch(`${reader.baseUrl}/api/v1/tenants/selfkant/services/testantrag`)).status).toBe(404);
  });

  it('When one process publishes a new minor version, then the other serves it to ^1 participants within a second', async () => {
    expect(await servedVersion(reader, 'erkelenz')).toBe('1.0.0');
    const current = (await writer.deps.storage.formVersions.get('testantrag', '1.0.0'))!;
    const definition = { ...current.definition, version: '1.1.0' };
    expect(await writer.deps.storage.formVersions.publish({ id: 'testantrag', version: '1.1.0', definition, hash: 'sha256:freshness-1.1.0', publishedBy: 'test' })).toBe('published');
    await within(1_000, async () => (await servedVersion(reader, 'erkelenz')) === '1.1.0');
    expect(await reader.deps.storage.formVersions.listVersions('testantrag')).toContain('1.1.0');
  });
});

describe('rate limits shared by two server processes on one PostgreSQL database', () => {
  it('When a client guesses status codes at two processes in turn, then together they allow STATUS_RATE_LIMIT attempts', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'kreisform-limit-'));
    const servers: StartedServer[] = [];
    try {
      servers.push(await startFixtureServer({ dataDir, config: { databaseUrl: database.url, statusRateLimit: 4 } }));
      servers.push(await startFixtureServer({ dataDir, config: { databaseUrl: database.url, statusRateLimit: 4 } }));
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const response = await fetch(`${servers[attempt % 2]!.baseUrl}/api/v1/tenants/erkelenz/status`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ reference: 'ERK-2026-000001', code: 'AAAA-BBBB-CCCC-DDDD' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
    } finally {
      for (const server of servers) await server.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../server/storage/createStorage.ts';
import type { Storage } from '../../server/storage/Storage.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts';
import { FIXTURE_ENABLEMENTS_FILE, FIXTURE_FORMS_DIR, VALID_V1, VALID_V2 } from '../server/startFixtureServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TENANTS = [
  { tenant: 'erkelenz', body: VALID_V1, prefix: 'ERK' },
  { tenant: 'gangelt', body: VALID_V2, prefix: 'GAN' },
] as const;

interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<void>;
}

/** `node --import tsx server/main.ts` on the database, port 0; resolves with the port its "listening" log line names. */
async function startProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'kreisform listening' && entry.port) resolvePort(entry.port);
      } catch {
        // not a log line
      }
    });
    void exited.then(() => reject(new Error(`server process exited before listening: ${stderr}`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}`, exited };
}

interface Answer {
  status: number;
  id?: string;
  reference?: string;
}

async function submit(server: ServerProcess, tenant: string, body: unknown, key: string): Promise<Answer> {
  try {
    const response = await fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/services/testantrag/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as { id?: string; reference?: string };
    return { status: response.status, id: json.id, reference: json.reference };
  } catch {
    return { status: 0 };
  }
}

async function listAll(storage: Storage, tenant: string): Promise<{ id: string; reference: string }[]> {
  const items: { id: string; reference: string }[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await storage.submissions.list({ tenant }, { offset, limit: 500 });
    items.push(...page.items);
    if (page.items.length < 500) return items;
  }
}

/**
 * Three real server processes on one PostgreSQL database with one DATA_DIR (as several containers behind a load
 * balancer): idempotency and reference numbers hold across processes, also when one of them is killed under load.
 */
describe('three server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let dataDir: string;
  let servers: ServerProcess[] = [];
  let storage: Storage;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'kreisform-multi-'));
    const env = {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '8',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      FORMS_DIR: FIXTURE_FORMS_DIR,
      ENABLEMENTS_FILE: FIXTURE_ENABLEMENTS_FILE,
      LOG_LEVEL: 'info',
      SUBMISSION_RATE_LIMIT: '10000000',
      DELIVERY_RELAY: 'true',
    };
    // All three start at once: migrations and seeding must not trip over each other.
    servers = await Promise.all([startProcess(env), startProcess(env), startProcess(env)]);
    storage = await createStorage({ databaseUrl: database.url, dataDir, maxConnections: 2 });
  });

  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
    await storage?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('When the same Idempotency-Keys are sent to different processes at once, then each is stored once and all answers agree', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => ({ key: `multi-${i}-${randomUUID()}`, ...TENANTS[i % 2]! }));
    const answers = await Promise.all(keys.flatMap(({ key, tenant, body }) => servers.map((server) => submit(server, tenant, body, key).then((answer) => ({ key, answer })))));
    expect(answers.every(({ answer }) => answer.status === 201)).toBe(true);
    for (const { key, tenant } of keys) {
      const ids = new Set(answers.filter((a) => a.key === key).map((a) => a.answer.id));
      expect(ids.size).toBe(1);
      const record = await storage.submissions.findByIdempotencyKey(tenant, 'testantrag', key);
      expect(record !== 'erased' && record?.submission?.id).toBe([...ids][0]);
    }
    const stored = [...(await listAll(storage, 'erkelenz')), ...(await listAll(storage, 'gangelt'))];
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(answers.map((a) => a.answer.id)));
  });

  it('When one process is killed (SIGKILL) under load, then every 201 is stored exactly once and references stay unique', async () => {
    const before = new Map((await Promise.all(TENANTS.map(({ tenant }) => listAll(storage, tenant)))).flat().map((s) => [s.id, s.reference]));
    const created = new Map<string, { id: string; reference: string; tenant: string }>();
    const unanswered: { key: string; tenant: string; body: unknown }[] = [];
    let stop = false;
    let sent = 0;
    const victim = servers[1]!;
    const worker = async (n: number) => {
      while (!stop) {
        const { tenant, body } = TENANTS[sent % 2]!;
        const key = `kill-${n}-${sent++}-${randomUUID()}`;
        // Rotate over all three processes, including the one that dies.
        const server = servers[sent % 3]!;
        const answer = await submit(server, tenant, body, key);
        if (answer.status === 201) created.set(key, { id: answer.id!, reference: answer.reference!, tenant });
        else unanswered.push({ key, tenant, body });
      }
    };
    const load = Promise.all(Array.from({ length: 24 }, (_, n) => worker(n)));
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_500));
    victim.child.kill('SIGKILL');
    await victim.exited;
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_500));
    stop = true;
    await load;
    expect(created.size).toBeGreaterThan(50);
    expect(unanswered.length).toBeGreaterThan(0);

    // A client retries what got no answer with the same key at a surviving process: one submission per key in the end.
    const survivors = servers.filter((server) => server !== victim);
    for (const [index, { key, tenant, body }] of unanswered.entries()) {
      const answer = await submit(survivors[index % 2]!, tenant, body, key);
      expect(answer.status).toBe(201);
      created.set(key, { id: answer.id!, reference: answer.reference!, tenant });
    }

    const stored = (await Promise.all(TENANTS.map(({ tenant }) => listAll(storage, tenant)))).flat().filter((s) => !before.has(s.id));
    // Exactly one stored submission per key (none lost, none twice), each as its 201 answered it.
    expect(stored).toHaveLength(created.size);
    const storedById = new Map(stored.map((s) => [s.id, s.reference]));
    for (const { id, reference, tenant } of created.values()) {
      expect(storedById.get(id)).toBe(reference);
      expect((await storage.submissions.get(tenant, id))?.reference).toBe(reference);
    }
    // References are unique per participant and year across all processes and have the participant's prefix.
    const all = (await Promise.all(TENANTS.map(({ tenant }) => listAll(storage, tenant)))).flat();
    expect(new Set(all.map((s) => s.reference)).size).toBe(all.length);
    for (const { prefix, tenant } of TENANTS) {
      const references = (await listAll(storage, tenant)).map((s) => s.reference);
      expect(references.every((reference) => reference.startsWith(`${prefix}-`))).toBe(true);
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../server/storage/sqlite/createSqliteStorage.ts';
import { FIXTURE_ENABLEMENTS_FILE, FIXTURE_FORMS_DIR, VALID_V1 } from './startFixtureServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SUBMIT = '/api/v1/tenants/erkelenz/services/testantrag/submissions';

interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<void>;
}

/** Starts `node --import tsx server/main.ts` (one process, so SIGKILL kills the server itself) and waits until it listens. */
async function spawnServer(dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FORMS_DIR: FIXTURE_FORMS_DIR,
      ENABLEMENTS_FILE: FIXTURE_ENABLEMENTS_FILE,
      LOG_LEVEL: 'info',
      SUBMISSION_RATE_LIMIT: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'kreisform listening' && entry.port) resolvePort(entry.port);
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}`, exited };
}

function submit(baseUrl: string, key: string): Promise<Response> {
  return fetch(`${baseUrl}${SUBMIT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(VALID_V1) });
}

describe('durability', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('When the server is SIGKILLed under concurrent submissions, then after a restart every 201 is stored exactly once and the file is intact', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kreisform-durability-'));
    dirs.push(dataDir);
    const first = await spawnServer(dataDir);
    const acknowledged = new Map<string, { id: string; reference: string }>();
    const unknown = new Set<string>();
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const key = randomUUID();
        try {
          const response = await submit(first.baseUrl, key);
          if (response.status !== 201) throw new Error(`unexpected status ${response.status}`);
          acknowledged.set(key, (await response.json()) as { id: string; reference: string });
          if (acknowledged.size >= 400 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch (error) {
          if (!killed) throw error;
          unknown.add(key); // in flight when the process died: stored or not, the client does not know
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    await first.exited;
    expect(acknowledged.size).toBeGreaterThanOrEqual(400);

    const second = await spawnServer(dataDir);
    try {
      // Retrying with the same keys: acknowledged ones answer their first receipt, unknown ones are stored at most once.
      for (const [key, receipt] of acknowledged) {
        const response = await submit(second.baseUrl, key);
        expect(response.status).toBe(201);
        expect(await response.json()).toMatchObject(receipt);
      }
      for (const key of unknown) expect((await submit(second.baseUrl, key)).status).toBe(201);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    const storage = await createSqliteStorage(join(dataDir, 'kreisform.sqlite'));
    try {
      expect(await storage.checkIntegrity()).toBe('ok');
      const rows = await storage.db.all<{ id: string; reference: string; key: string }>(
        `SELECT s.id, s.reference, i.key FROM submissions s JOIN idempotency_keys i ON i.submission_id = s.id`,
      );
      const total = (await storage.db.get<{ n: number }>('SELECT count(*) AS n FROM submissions'))!.n;
      expect(total).toBe(acknowledged.size + unknown.size);
      expect(rows).toHaveLength(total);
      const byKey = new Map(rows.map((row) => [row.key, row]));
      for (const [key, receipt] of acknowledged) expect(byKey.get(key)).toMatchObject({ id: receipt.id, reference: receipt.reference });
      expect(new Set(rows.map((row) => row.reference)).size).toBe(total);
    } finally {
      await storage.close();
    }
  });
});

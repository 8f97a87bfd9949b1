/**
 * `npm run bench:scale`: the scale-out benchmark (issue 13), in one run:
 *
 * 1. Submissions/s and p99 at 50 connections for SQLite with one server process and PostgreSQL with one, two and
 *    three processes (one database, one DATA_DIR; the 50 connections are spread evenly over the processes).
 * 2. With one million stored submissions across the eleven participants (bulk-loaded with INSERT ... SELECT
 *    generate_series, then VACUUM ANALYZE as autovacuum would): the staff inbox's first page and a filtered page (p99,
 *    target <= 50 ms), an export of 100,000 rows streamed (rows/s, peak RSS of the server), and a retention purge of
 *    100,000 rows (by a second process, as another server's retention job) while submissions go on (their p99).
 *
 * The server processes are the bench target (bench/serverBenchTarget.ts: the real app, no retention job or relay),
 * bundled with esbuild and run on plain node as in bench/server.bench.ts; autocannon runs in this process.
 * PostgreSQL: a throwaway cluster (initdb into a temp dir, unix socket, fsync on; needs Debian's postgresql) unless
 * BENCH_POSTGRES_URL names a superuser URL of a running one (databases are created in it and dropped at the end).
 * Env: BENCH_DURATION (seconds per row, default 10), BENCH_STORED (stored submissions, default 1000000),
 * BENCH_EXPORT_ROWS / BENCH_PURGE_ROWS (default 100000). It takes minutes; it is not part of CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import pg from 'pg';
import { createFormValidator } from '../engine/index.ts';
import { hashPassword } from '../server/auth/hashPassword.ts';
import { createStorage } from '../server/storage/createStorage.ts';
import { startPostgresCluster } from '../tests/helpers/startPostgresCluster.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const STORED = Number(process.env.BENCH_STORED ?? 1_000_000);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const PURGE_ROWS = Number(process.env.BENCH_PURGE_ROWS ?? 100_000);
const CONNECTIONS = 50;
const STAFF_CONNECTIONS = 4;
const INBOX_TARGET_MS = 50;
const TENANT = 'erkelenz';
const START_SCRIPT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
const NODE_FLAGS = [...START_SCRIPT.matchAll(/(?:^|\s)(--max-[a-z-]+=\d+)/g)].map((match) => match[1]!);

const loadBefore = loadavg();
const cluster = process.env.BENCH_POSTGRES_URL ? undefined : startPostgresCluster();
const clusterUrl = process.env.BENCH_POSTGRES_URL ?? cluster!.url;
const databases: string[] = [];
const dataDirs: string[] = [];
const running: ChildProcess[] = [];
const entry = join(ROOT, 'node_modules/.cache/kreisform-bench', `${process.pid}-scaleBenchTarget.mjs`);

// Ctrl-C: end the server processes and the throwaway cluster too (the finally below does not run on a signal).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    cluster?.stop();
    process.exit(130);
  });
}

try {
  await build({
    entryPoints: [join(ROOT, 'bench/serverBenchTarget.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  await main();
} finally {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await dropDatabases();
  cluster?.stop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  await rm(entry, { force: true });
}

async function main(): Promise<void> {
  // 1. Throughput of the submission route.
  const throughput: { label: string; processes: number; result: LoadResult }[] = [];
  let picked: { service: string; version: string; body: string } | undefined;
  for (const [label, backend, processes] of [
    ['SQLite', 'sqlite', 1],
    ['PostgreSQL', 'postgres', 1],
    ['PostgreSQL', 'postgres', 2],
    ['PostgreSQL', 'postgres', 3],
  ] as const) {
    const databaseUrl = backend === 'postgres' ? await createDatabase() : undefined;
    const servers = await startServers(processes, { databaseUrl });
    picked ??= await pickServiceAndBody(servers[0]!.baseUrl);
    const urls = servers.map((server) => `${server.baseUrl}/api/v1/tenants/${TENANT}/services/${picked!.service}/submissions`);
    await runLoad(urls, CONNECTIONS, 2, picked.body);
    const result = await runLoad(urls, CONNECTIONS, DURATION, picked.body);
    throughput.push({ label, processes, result });
    console.log(`  ${label} x${processes}: ${result.perSecond.toFixed(0)} submissions/s, p99 ${result.p99} ms`);
    await stopServers(servers);
  }

  // 2. One million stored submissions on PostgreSQL.
  const databaseUrl = await createDatabase();
  const [server] = await startServers(1, { databaseUrl });
  const { service, version, body } = picked!;
  const loadSeconds = await bulkLoad(databaseUrl, service, version, body);
  console.log(`  bulk-loaded ${STORED} submissions in ${loadSeconds.toFixed(1)} s`);
  const cookie = await signIn(server!, databaseUrl);
  const headers = { cookie };
  const inboxFirst = await runGet(`${server!.baseUrl}/api/v1/staff/submissions`, headers);
  const inboxFiltered = await runGet(`${server!.baseUrl}/api/v1/staff/submissions?service=${service}&status=in_bearbeitung`, headers);
  const inboxDeep = await runGet(`${server!.baseUrl}/api/v1/staff/submissions?status=abgeschlossen&from=2025-03-01&to=2025-03-31&page=3`, headers);
  console.log(`  inbox p99: first page ${inboxFirst.p99} ms, filtered ${inboxFiltered.p99} ms, filtered deep page ${inboxDeep.p99} ms`);
  const exported = await measureExport(server!, `${server!.baseUrl}/api/v1/staff/exports/${service}/${version}?format=csv`, headers);
  console.log(`  export: ${exported.rows} rows in ${exported.seconds.toFixed(1)} s`);
  const submitUrl = `${server!.baseUrl}/api/v1/tenants/${TENANT}/services/${service}/submissions`;
  const quiet = await runLoad([submitUrl], CONNECTIONS, DURATION, body);
  const purge = await measurePurge(databaseUrl, submitUrl, body);
  console.log(`  purge: ${purge.erased} rows in ${purge.seconds.toFixed(1)} s`);
  await stopServers([server!]);

  // Report.
  const loadAfter = loadavg();
  const mark = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  console.log(`\nkreisform scale benchmark: POST ${service} ${version} (${TENANT}), ${body.length} bytes body, ${DURATION} s per row, loopback`);
  console.log(`machine: ${process.version}, load average (1 min) before ${loadBefore[0]!.toFixed(2)}, after ${loadAfter[0]!.toFixed(2)}; server flags [${NODE_FLAGS.join(' ')}]`);
  console.log(`\nsubmissions at ${CONNECTIONS} connections (spread evenly over the processes; p99 = worst process)`);
  console.log('backend      processes  submissions/s   p50 ms   p99 ms  non-2xx  errors');
  for (const { label, processes, result } of throughput) {
    console.log(
      `${label.padEnd(12)} ${String(processes).padStart(9)} ${result.perSecond.toFixed(0).padStart(14)} ${result.p50.toFixed(1).padStart(8)} ${result.p99.toFixed(1).padStart(8)} ${String(result.non2xx).padStart(8)} ${String(result.errors).padStart(7)}`,
    );
  }
  console.log(`\nPostgreSQL, one process, ${STORED.toLocaleString('en')} stored submissions (bulk load ${loadSeconds.toFixed(0)} s)`);
  console.log(`measurement                                          value`);
  const line = (name: string, value: string) => console.log(`${name.padEnd(52)} ${value}`);
  line(`inbox first page p99 (${STAFF_CONNECTIONS} staff connections)`, `${inboxFirst.p99} ms (p50 ${inboxFirst.p50} ms, ${inboxFirst.perSecond.toFixed(0)}/s)  target <= ${INBOX_TARGET_MS} ms: ${mark(inboxFirst.p99 <= INBOX_TARGET_MS)}`);
  line('inbox filtered page p99 (service + status)', `${inboxFiltered.p99} ms (p50 ${inboxFiltered.p50} ms)  target <= ${INBOX_TARGET_MS} ms: ${mark(inboxFiltered.p99 <= INBOX_TARGET_MS)}`);
  line('inbox filtered deep page p99 (status + month, page 3)', `${inboxDeep.p99} ms (p50 ${inboxDeep.p50} ms)  target <= ${INBOX_TARGET_MS} ms: ${mark(inboxDeep.p99 <= INBOX_TARGET_MS)}`);
  line(`export of ${exported.rows.toLocaleString('en')} rows (CSV, streamed)`, `${(exported.rows / exported.seconds).toFixed(0)} rows/s, ${exported.seconds.toFixed(1)} s, ${(exported.bytes / 1e6).toFixed(0)} MB`);
  line('server RSS during the export', `${exported.rssBeforeMb.toFixed(0)} MB before, peak ${exported.peakRssMb.toFixed(0)} MB`);
  line(`submissions p99 on the full database (${CONNECTIONS} conns)`, `${quiet.p99} ms (${quiet.perSecond.toFixed(0)}/s)`);
  line(`retention purge of ${purge.erased.toLocaleString('en')} rows (second process)`, `${purge.seconds.toFixed(1)} s, ${(purge.erased / purge.seconds).toFixed(0)} rows/s`);
  line('submissions p99 during the purge', `${purge.load.p99} ms (${purge.load.perSecond.toFixed(0)}/s, non-2xx ${purge.load.non2xx}, errors ${purge.load.errors})`);
}

interface Target {
  child: ChildProcess;
  baseUrl: string;
}

/** Starts `count` server processes on one backend and DATA_DIR: the first alone (it migrates and syncs the catalogue). */
async function startServers(count: number, options: { databaseUrl?: string }): Promise<Target[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kreisform-scale-'));
  dataDirs.push(dataDir);
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    DATABASE_POOL_SIZE: '10',
    LOG_LEVEL: 'warn',
    SMTP_URL: '',
    DELIVERY_RELAY: 'false',
  };
  const first = await startServer(env);
  const rest = await Promise.all(Array.from({ length: count - 1 }, () => startServer(env)));
  return [first, ...rest];
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Target> {
  const child = spawn(process.execPath, [...NODE_FLAGS, entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`bench: server exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const message = JSON.parse(line) as { port?: number };
        if (message.port) resolvePort(message.port);
      } catch {
        // not a JSON line
      }
    });
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function stopServers(servers: Target[]): Promise<void> {
  await Promise.all(
    servers.map((server) => {
      const exited = new Promise((done) => server.child.once('exit', done));
      server.child.kill('SIGTERM');
      return exited;
    }),
  );
}

interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** `connections` POSTs spread evenly over `urls` at once; req/s summed, p50 averaged, p99 the worst instance's. */
async function runLoad(urls: string[], connections: number, duration: number, body: string): Promise<LoadResult> {
  const results = await Promise.all(
    urls.map((url, i) =>
      autocannon({
        url,
        connections: Math.floor(connections / urls.length) + (i < connections % urls.length ? 1 : 0),
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    ),
  );
  return {
    perSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
    p50: results.reduce((sum, result) => sum + result.latency.p50, 0) / results.length,
    p99: Math.max(...results.map((result) => result.latency.p99)),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    errors: results.reduce((sum, result) => sum + result.errors + result.timeouts, 0),
  };
}

async function runGet(url: string, headers: Record<string, string>): Promise<LoadResult> {
  const probe = await fetch(url, { headers });
  if (probe.status !== 200) throw new Error(`bench: GET ${url} answered ${probe.status} ${await probe.text()}`);
  await autocannon({ url, connections: STAFF_CONNECTIONS, duration: 2, headers });
  const result = await autocannon({ url, connections: STAFF_CONNECTIONS, duration: DURATION, headers });
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function createDatabase(): Promise<string> {
  const name = `kf_scale_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  databases.push(name);
  return clusterUrl.replace('/postgres?', `/${name}?`).replace(/\/postgres$/, `/${name}`);
}

async function dropDatabases(): Promise<void> {
  if (databases.length === 0 || !process.env.BENCH_POSTGRES_URL) return;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * STORED submissions: EXPORT_ROWS of them for TENANT's service version (the export), the rest spread over the other
 * ten participants; one in ten "in_bearbeitung", one in ten "abgeschlossen", received over 2025 (references of 2025,
 * so the live counters of this year do not collide).
 */
async function bulkLoad(url: string, service: string, version: string, body: string): Promise<number> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const insert = (tenantExpr: string, from: number, to: number) =>
      client.query(
        `INSERT INTO submissions (id, tenant, service, version, data, status, reference, received_at, updated_at, expires_at)
         SELECT md5('bench-' || g)::uuid::text, t.slug, $1, $2, $3,
                CASE g % 10 WHEN 1 THEN 'in_bearbeitung' WHEN 2 THEN 'abgeschlossen' ELSE 'eingegangen' END,
                t.reference_prefix || '-2025-' || lpad(g::text, 7, '0'),
                to_char(timestamp '2025-01-01' + g * interval '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                to_char(timestamp '2025-01-01' + g * interval '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                '2099-01-01T00:00:00.000Z'
           FROM generate_series($4::int, $5::int) g
           JOIN participants t ON t.slug = ${tenantExpr}`,
        [service, version, body, from, to],
      );
    await insert(`'${TENANT}'`, 1, EXPORT_ROWS);
    const others = (await client.query<{ slug: string }>('SELECT slug FROM participants WHERE slug <> $1 ORDER BY slug', [TENANT])).rows.map((row) => row.slug);
    const list = `(ARRAY[${others.map((slug) => `'${slug}'`).join(', ')}])[g % ${others.length} + 1]`;
    // In chunks, so one statement never holds more than 100,000 rows of WAL.
    for (let from = EXPORT_ROWS + 1; from <= STORED; from += 100_000) await insert(list, from, Math.min(STORED, from + 99_999));
    await client.query(
      `INSERT INTO reference_counters (tenant, year, last) SELECT slug, 2025, $1 FROM participants
       ON CONFLICT (tenant, year) DO UPDATE SET last = excluded.last`,
      [STORED],
    );
    await client.query('VACUUM ANALYZE submissions');
  } finally {
    await client.end();
  }
  return (Date.now() - started) / 1000;
}

/** A staff user of TENANT (created through the repositories) signed in through the API; returns the session cookie. */
async function signIn(server: Target, url: string): Promise<string> {
  const storage = await createStorage({ databaseUrl: url, dataDir: tmpdir(), maxConnections: 2 });
  const email = `bench-${randomUUID().slice(0, 8)}@${TENANT}.example`;
  const password = `Bench-Passwort-${randomUUID()}`;
  try {
    await storage.users.create({ id: randomUUID(), tenant: TENANT, email, role: 'staff', disabled: false, createdAt: new Date().toISOString(), passwordHash: await hashPassword(password) });
  } finally {
    await storage.close();
  }
  const response = await fetch(`${server.baseUrl}/api/v1/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`bench: login answered ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function readRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

/** Streams the export, counting rows (lines after the header) and bytes while sampling the server's RSS. */
async function measureExport(server: Target, url: string, headers: Record<string, string>) {
  const pid = server.child.pid!;
  const rssBeforeMb = readRssMb(pid);
  let peakRssMb = rssBeforeMb;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, readRssMb(pid))), 100);
  const started = Date.now();
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`bench: export answered ${response.status} ${await response.text()}`);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) newlines += 1;
  }
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  // CSV quotes line breaks inside values, so rows = lines - header (the data of the bench body has none).
  return { rows: newlines - 1, bytes, seconds, rssBeforeMb, peakRssMb: Math.max(peakRssMb, readRssMb(pid)) };
}

/**
 * Marks PURGE_ROWS of the other participants' submissions as expired, then runs the retention erasure in another
 * process's storage (this one's: a second server's retention job) while 50 connections keep submitting. The load runs
 * in slices of a second until the purge is done; its p99 is the worst slice's.
 */
async function measurePurge(url: string, submitUrl: string, body: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `UPDATE submissions SET expires_at = '2000-01-01T00:00:00.000Z'
        WHERE id IN (SELECT id FROM submissions WHERE tenant <> $1 ORDER BY received_at LIMIT $2)`,
      [TENANT, PURGE_ROWS],
    );
    await client.query('VACUUM ANALYZE submissions');
  } finally {
    await client.end();
  }
  const storage = await createStorage({ databaseUrl: url, dataDir: tmpdir(), maxConnections: 4 });
  try {
    let done = false;
    const started = Date.now();
    const purge = storage.submissions.eraseExpired(new Date().toISOString()).then((erased) => {
      done = true;
      return { erased, seconds: (Date.now() - started) / 1000 };
    });
    const slices: LoadResult[] = [];
    while (!done) slices.push(await runLoad([submitUrl], CONNECTIONS, 1, body));
    const result = await purge;
    const load: LoadResult = {
      perSecond: slices.reduce((sum, slice) => sum + slice.perSecond, 0) / slices.length,
      p50: slices.reduce((sum, slice) => sum + slice.p50, 0) / slices.length,
      p99: Math.max(...slices.map((slice) => slice.p99)),
      non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
      errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    };
    return { ...result, load };
  } finally {
    await storage.close();
  }
}

/** A service TENANT serves and a valid fixture body of its served version (the real catalogue), as bench:server picks. */
async function pickServiceAndBody(baseUrl: string): Promise<{ service: string; version: string; body: string }> {
  const validator = createFormValidator();
  const preferred = ['hundesteuer-anmeldung', 'bewohnerparkausweis', 'gewerbeanmeldung'];
  const { items } = (await (await fetch(`${baseUrl}/api/v1/tenants/${TENANT}/services`)).json()) as { items: { id: string }[] };
  const ids = [...preferred.filter((id) => items.some((item) => item.id === id)), ...items.map((item) => item.id)];
  for (const id of ids) {
    const definition = (await (await fetch(`${baseUrl}/api/v1/tenants/${TENANT}/services/${id}`)).json()) as { version: string };
    const fixtureDir = join(ROOT, 'forms', id, 'fixtures', 'valid');
    let files: string[] = [];
    try {
      files = readdirSync(fixtureDir).filter((name) => name.endsWith('.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(join(fixtureDir, file), 'utf8');
      if (validator.validate(definition as never, JSON.parse(text)).valid) return { service: id, version: definition.version, body: JSON.stringify(JSON.parse(text)) };
    }
  }
  throw new Error(`bench: no valid fixture for any service of ${TENANT}`);
}

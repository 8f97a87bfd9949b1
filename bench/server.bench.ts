/**
 * `npm run bench:server`: throughput, latency and memory of the real submission route (resolve the served version,
 * validate, durable SQLite commit with synchronous=FULL and group commit) beside a no-op route measured in the same
 * server process and run, at 10 and 50 connections over loopback.
 *
 * The server (bench/serverBenchTarget.ts) is bundled with esbuild into plain JavaScript and runs in its own Node
 * process, as in production (no TypeScript loader); autocannon runs in this process. RSS is the server process's,
 * read from /proc. The no-op route goes through the real app's middleware stack (helmet, Cache-Control, rate
 * limiter, JSON body parsing and checks, error handling), so the ratio is the cost of storing a submission.
 *
 * The server gets the same V8 heap flags as `npm start` (read from package.json). Besides req/s and latency, each row
 * shows the server's CPU time per request (all its threads, from /proc): unlike req/s it hardly depends on what
 * else the machine is running.
 *
 * Env: BENCH_DURATION (seconds per row, default 10), BENCH_ROUNDS (slices per row, default 5; the routes alternate
 * slice by slice and each row combines its slices: mean req/s, median p50/p99), BENCH_RUNTIME=tsx (run the target under `node --import tsx`
 * instead, for comparison), BENCH_NODE_FLAGS (replace the flags taken from `npm start`, e.g. '' for V8 defaults),
 * BENCH_CPU_PROF=<dir> (write a V8 CPU profile of the server process there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { SMTPServer } from 'smtp-server';
import { createServer as createHttpServer } from 'node:http';
import { createFormValidator } from '../engine/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RUNTIME = process.env.BENCH_RUNTIME === 'tsx' ? 'tsx' : 'node';
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
const TENANT = 'erkelenz';
const START_SCRIPT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
const NODE_FLAGS =
  process.env.BENCH_NODE_FLAGS !== undefined
    ? process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean)
    : [...START_SCRIPT.matchAll(/(?:^|\s)(--max-[a-z-]+=\d+)/g)].map((match) => match[1]!);
const CONNECTIONS = [10, 50] as const;
const TARGET = { ratio: 0.9, p99Ms: 25, rssMb: 150 };

const loadBefore = loadavg();
/** Bundles written by this run (named by its pid, so parallel runs on a shared node_modules never collide); removed at the end. */
const bundles: string[] = [];
const dataDir = await mkdtemp(join(tmpdir(), 'kreisform-bench-'));
const receivers = await startReceivers();
/** The participant whose submissions carry delivery channels (webhook, staff notice, citizen receipt). */
let channelsTenant = process.env.BENCH_CHANNELS_TENANT ?? 'heinsberg';

/** A local webhook receiver (204 for everything) and SMTP server (accepts every mail), counting what arrives. */
async function startReceivers(): Promise<{ webhookUrl: string; smtpUrl: string; webhooks: number; mails: number; close(): Promise<void> }> {
  const counts = { webhooks: 0, mails: 0 };
  const http = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      counts.webhooks += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', () => done()));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        counts.mails += 1;
        callback();
      });
    },
  });
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', () => done()));
  return {
    webhookUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`,
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    get webhooks() {
      return counts.webhooks;
    },
    get mails() {
      return counts.mails;
    },
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
      await new Promise<void>((done) => smtp.close(() => done()));
    },
  };
}
const entry = RUNTIME === 'tsx' ? join(ROOT, 'bench/serverBenchTarget.ts') : await bundleTarget();

/** Bundles the bench target (our TypeScript only; packages stay external) next to node_modules so they resolve. */
async function bundleTarget(): Promise<string> {
  return bundle('bench/serverBenchTarget.ts', 'serverBenchTarget.mjs');
}

async function bundle(source: string, name: string): Promise<string> {
  const outfile = join(ROOT, 'node_modules/.cache/kreisform-bench', `${process.pid}-${name}`);
  bundles.push(outfile);
  await build({
    entryPoints: [join(ROOT, source)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Starts the bench target on the data directory and waits for its port. */
async function startTarget(): Promise<{ child: ChildProcess; port: number }> {
  const execArgv = [
    ...NODE_FLAGS,
    ...(RUNTIME === 'tsx' ? ['--import', 'tsx'] : []),
    ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
  ];
  const child = spawn(process.execPath, [...execArgv, entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      SMTP_URL: '',
      BENCH_CHANNELS_TENANT: channelsTenant,
      BENCH_WEBHOOK_URL: receivers.webhookUrl,
      OUTBOUND_ALLOW_PRIVATE: 'true',
      // The relay runs in its own process (npm run worker) after the rows, so the rows measure the outbox write alone.
      DELIVERY_RELAY: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`bench: server exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const message = JSON.parse(line) as { port?: number };
        if (message.port) resolvePort(message.port);
      } catch {
        // not a JSON line: ignore
      }
    });
  });
  return { child, port };
}

/** Linux's USER_HZ: /proc reports CPU times in 1/100 s. */
const CLOCK_TICKS = 100;

/** CPU time (user + system, all threads) a process has used so far, in ms. */
function readCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Current and peak (high-water mark) resident set size of a process in MB, from /proc/<pid>/status. */
function readRssMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

async function stopTarget(target: ChildProcess): Promise<void> {
  const exited = new Promise((resolveExit) => target.once('exit', resolveExit));
  target.kill('SIGTERM');
  await exited;
}

// The first start creates the database and publishes the catalogue (checking every definition); the measured server
// is a restart on that database, as in production.
const firstStart = await startTarget();
const firstStartRssMb = readRssMb(firstStart.child.pid!).rss;
await stopTarget(firstStart.child);
const { child, port } = await startTarget();
const pid = child.pid!;
const restartRssMb = readRssMb(pid).rss;
const baseUrl = `http://127.0.0.1:${port}`;

const { service, body } = await pickServiceAndBody();
channelsTenant = await pickChannelsTenant(service, channelsTenant);
const urls = {
  submission: `${baseUrl}/api/v1/tenants/${TENANT}/services/${service}/submissions`,
  'no-op': `${baseUrl}/api/v1/tenants/${TENANT}/services/${service}/noop-submissions`,
  channels: `${baseUrl}/api/v1/tenants/${channelsTenant}/services/${service}/submissions`,
};
for (const [route, url] of Object.entries(urls)) {
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (probe.status !== 201) throw new Error(`bench: ${route} probe answered ${probe.status} ${await probe.text()}`);
}

type Route = keyof typeof urls;
interface Row {
  route: Route;
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  p99Worst: number;
  cpuUsPerRequest: number;
  non2xx: number;
  errors: number;
  rssMb: number;
}

async function measure(route: Route, connections: number, duration = DURATION): Promise<Row> {
  let peakRss = readRssMb(pid).rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, readRssMb(pid).rss)), 200);
  const cpuBefore = readCpuMs(pid);
  const result = await autocannon({ url: urls[route], connections, duration, method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const cpuMs = readCpuMs(pid) - cpuBefore;
  clearInterval(sampler);
  return {
    route,
    connections,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p99Worst: result.latency.p99,
    cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, result.requests.total),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssMb: Math.max(peakRss, readRssMb(pid).rss),
  };
}

// Warm-up: JIT, ajv compile, SQLite page cache.
await measure('submission', 10, 2);
await measure('no-op', 10, 2);

// The two routes take turns in short slices, so a change in the machine's load (other processes) hits both alike.
const rows: Row[] = [];
for (const connections of CONNECTIONS) {
  const slices: Record<Route, Row[]> = { 'no-op': [], submission: [], channels: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const route of ['no-op', 'submission', 'channels'] as const) slices[route].push(await measure(route, connections, DURATION / ROUNDS));
  }
  rows.push(combine(slices['no-op']), combine(slices.submission), combine(slices.channels));
}

/** One row from the slices of a route: mean req/s and CPU, median p50/p99 (worst slice p99 kept), peak RSS. */
function combine(slices: Row[]): Row {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    route: slices[0]!.route,
    connections: slices[0]!.connections,
    perSecond: mean(slices.map((slice) => slice.perSecond)),
    p50: median(slices.map((slice) => slice.p50)),
    p99: median(slices.map((slice) => slice.p99)),
    p99Worst: Math.max(...slices.map((slice) => slice.p99)),
    cpuUsPerRequest: mean(slices.map((slice) => slice.cpuUsPerRequest)),
    non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    rssMb: Math.max(...slices.map((slice) => slice.rssMb)),
  };
}
const peakRssMb = readRssMb(pid).hwm;

await stopTarget(child);
const relay = await measureRelay();
await receivers.close();
await rm(dataDir, { recursive: true, force: true });
for (const file of bundles) await rm(file, { force: true });
const loadAfter = loadavg();

const noopOf = (connections: number) => rows.find((r) => r.route === 'no-op' && r.connections === connections)!;
const submissionOf = (connections: number) => rows.find((r) => r.route === 'submission' && r.connections === connections)!;
const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
console.log(`\nkreisform server benchmark: POST ${service} (${TENANT}), ${body.length} bytes body, ${DURATION} s per row, loopback, synchronous=FULL`);
console.log(
  `server: ${RUNTIME === 'tsx' ? 'node --import tsx (TypeScript loader)' : 'esbuild bundle on plain node'} ${process.version}, flags [${NODE_FLAGS.join(' ')}], own process; autocannon in the bench process`,
);
console.log('no-op route: same app and middleware stack as the submission route (helmet, Cache-Control, rate limiter, JSON');
console.log('  body parsing and checks, error handling), answers a constant 201 receipt without resolving, validating or storing');
console.log(`load average (1 min) before ${loadBefore[0]!.toFixed(2)}, after ${loadAfter[0]!.toFixed(2)}`);
console.log(`RSS after start: ${firstStartRssMb.toFixed(0)} MB on a new database (catalogue checked), ${restartRssMb.toFixed(0)} MB on restart (measured server)\n`);
console.log(`each row: ${ROUNDS} slices of ${(DURATION / ROUNDS).toFixed(1)} s alternating with the other route; req/s mean, p50/p99 median of slices, p99 max = worst slice`);
console.log('route        conns    req/s   p50 ms   p99 ms  p99 max  CPU µs/req  RSS MB  non-2xx  errors   ratio  targets (>=0.90x, p99<=25 ms, RSS<=150 MB)');
for (const row of rows) {
  const ratio = row.perSecond / noopOf(row.connections).perSecond;
  const targets =
    row.route === 'submission'
      ? `${mark(ratio >= TARGET.ratio)}, ${mark(row.p99 <= TARGET.p99Ms)}, ${mark(row.rssMb <= TARGET.rssMb)}${row.connections === 50 ? '  (the target row)' : ''}`
      : row.route === 'channels'
        ? `vs submission ${(row.perSecond / submissionOf(row.connections).perSecond).toFixed(3)}x (target >= 0.95x: ${mark(row.perSecond >= 0.95 * submissionOf(row.connections).perSecond)})`
        : '';
  console.log(
    `${row.route.padEnd(12)} ${String(row.connections).padStart(5)} ${row.perSecond.toFixed(0).padStart(8)} ${row.p50.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)} ${row.p99Worst.toFixed(1).padStart(8)} ${row.cpuUsPerRequest.toFixed(0).padStart(11)} ${row.rssMb.toFixed(0).padStart(7)} ${String(row.non2xx).padStart(8)} ${String(row.errors).padStart(7)} ${`${ratio.toFixed(2)}x`.padStart(7)}  ${targets}`,
  );
}
console.log(`channels row: POST to ${channelsTenant}, whose submissions each write 3 outbox rows (signed webhook, staff notice, citizen receipt) in the same commit`);
console.log(`peak RSS of the server process over the whole run (VmHWM, includes start-up): ${peakRssMb.toFixed(0)} MB`);
console.log(
  `relay (npm run worker, own process, DELIVERY_CONCURRENCY=${relay.concurrency}) draining the backlog for ${relay.seconds.toFixed(1)} s: ` +
    `${relay.perSecond.toFixed(0)} deliveries/s (webhook ${relay.webhooksPerSecond.toFixed(0)}/s to a local receiver, e-mail ${relay.mailsPerSecond.toFixed(0)}/s to a local SMTP server)`,
);
const at50 = rows.find((r) => r.route === 'submission' && r.connections === 50)!;
const ratio50 = at50.perSecond / noopOf(50).perSecond;
const met = ratio50 >= TARGET.ratio && at50.p99 <= TARGET.p99Ms && at50.rssMb <= TARGET.rssMb;
console.log(
  `targets at 50 connections: ratio ${ratio50.toFixed(2)}x >= ${TARGET.ratio}x ${mark(ratio50 >= TARGET.ratio)}; p99 ${at50.p99} ms <= ${TARGET.p99Ms} ms ${mark(at50.p99 <= TARGET.p99Ms)}; RSS ${at50.rssMb.toFixed(0)} MB <= ${TARGET.rssMb} MB ${mark(at50.rssMb <= TARGET.rssMb)} => ${met ? 'all met' : 'NOT all met'}`,
);

/** A participant other than TENANT serving the same version of the service (so the same body is valid). */
async function pickChannelsTenant(service: string, preferred: string): Promise<string> {
  const versionOf = async (tenant: string) => {
    const response = await fetch(`${baseUrl}/api/v1/tenants/${tenant}/services/${service}`);
    return response.status === 200 ? ((await response.json()) as { version: string }).version : undefined;
  };
  const version = await versionOf(TENANT);
  const { items } = (await (await fetch(`${baseUrl}/api/v1/tenants`)).json()) as { items: { slug: string }[] };
  for (const tenant of [preferred, ...items.map((item) => item.slug)]) {
    if (tenant !== TENANT && (await versionOf(tenant)) === version) return tenant;
  }
  throw new Error(`bench: no other participant serves ${service} ${version}`);
}

/** Runs `npm run worker` (bundled like the target) on the backlog the rows left and counts arrivals at the receivers. */
async function measureRelay(): Promise<{ concurrency: number; seconds: number; perSecond: number; webhooksPerSecond: number; mailsPerSecond: number }> {
  const concurrency = Number(process.env.BENCH_RELAY_CONCURRENCY ?? 16);
  const workerEntry = RUNTIME === 'tsx' ? join(ROOT, 'server/worker.ts') : await bundle('server/worker.ts', 'worker.mjs');
  const worker = spawn(process.execPath, [...NODE_FLAGS, ...(RUNTIME === 'tsx' ? ['--import', 'tsx'] : []), workerEntry], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_RELAY_LOG_LEVEL ?? 'error', SMTP_URL: receivers.smtpUrl, OUTBOUND_ALLOW_PRIVATE: 'true', DELIVERY_CONCURRENCY: String(concurrency), DELIVERY_POLL_MS: '50' },
    stdio: ['ignore', process.env.BENCH_RELAY_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
  });
  // Wait for the first delivery, then count for DURATION seconds.
  const started = Date.now();
  while (receivers.webhooks + receivers.mails === 0 && Date.now() - started < 30_000) await new Promise((done) => setTimeout(done, 20));
  const before = { webhooks: receivers.webhooks, mails: receivers.mails, at: Date.now() };
  await new Promise((done) => setTimeout(done, DURATION * 1000));
  const seconds = (Date.now() - before.at) / 1000;
  const webhooks = receivers.webhooks - before.webhooks;
  const mails = receivers.mails - before.mails;
  await stopTarget(worker);
  return { concurrency, seconds, perSecond: (webhooks + mails) / seconds, webhooksPerSecond: webhooks / seconds, mailsPerSecond: mails / seconds };
}

/** Picks a service the tenant serves and a valid fixture body for the served version (the real catalogue). */
async function pickServiceAndBody(): Promise<{ service: string; body: string }> {
  const validator = createFormValidator();
  const preferred = ['hundesteuer-anmeldung', 'bewohnerparkausweis', 'gewerbeanmeldung'];
  const { items } = (await (await fetch(`${baseUrl}/api/v1/tenants/${TENANT}/services`)).json()) as { items: { id: string }[] };
  const ids = [...preferred.filter((id) => items.some((item) => item.id === id)), ...items.map((item) => item.id)];
  for (const id of ids) {
    const definition = await (await fetch(`${baseUrl}/api/v1/tenants/${TENANT}/services/${id}`)).json();
    const fixtureDir = join(ROOT, 'forms', id, 'fixtures', 'valid');
    let files: string[] = [];
    try {
      files = readdirSync(fixtureDir).filter((name) => name.endsWith('.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(join(fixtureDir, file), 'utf8');
      if (validator.validate(definition, JSON.parse(text)).valid) return { service: id, body: JSON.stringify(JSON.parse(text)) };
    }
  }
  throw new Error(`bench: no valid fixture for any service of ${TENANT}`);
}

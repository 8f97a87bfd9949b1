/**
 * `npm run bench:server`: throughput, latency and memory of the real submission route (resolve the served version,
 * validate, durable SQLite commit with synchronous=FULL and group commit) beside two baselines measured in the same
 * run, at 10 and 50 connections over loopback:
 * - bare Express: an Express 5 app alone in its own process (bench/bareExpressTarget.ts): express.json and a
 *   constant 201 receipt. The targets of issue 17 compare the submission route with it.
 * - no-op: a route inside the real server process (bench/serverBenchTarget.ts) through the app's Express stack
 *   (security headers, Cache-Control, rate limiter, JSON body parsing and checks, error handling).
 * Bodies: the Gewerbeanmeldung fixture of about 2 KB and the largest valid fixture of the largest form TENANT serves
 * (one row when both are the same fixture).
 *
 * Both processes are bundled with esbuild into plain JavaScript and run as `npm start` runs the server (no
 * TypeScript loader, the V8 flags of the start script); autocannon runs in this process. RSS is the server
 * process's, read from /proc. Besides req/s and latency, each row shows the process's CPU time per request (all its
 * threads, from /proc): unlike req/s it hardly depends on what else the machine is running. The run ends with the
 * targets (at 50 connections: submission >= 0.90x bare Express for each body, p99 <= 25 ms, server RSS <= 150 MB)
 * and MET / NOT MET for each.
 *
 * Env: BENCH_DURATION (seconds per row, default 10), BENCH_ROUNDS (slices per row, default 5; the routes alternate
 * slice by slice and each row combines its slices: mean req/s, median p50/p99), BENCH_CONNECTIONS (default 10,50),
 * BENCH_RUNTIME=tsx (run the targets under `node --import tsx` instead, for comparison), BENCH_NODE_FLAGS (replace
 * the flags taken from `npm start`, e.g. '' for V8 defaults), BENCH_CPU_PROF=<dir> (write V8 CPU profiles of the
 * server processes there).
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
    : (/\bnode((?:\s+--[a-z0-9-]+(?:=\S+)?)*)\s+dist-server\//.exec(START_SCRIPT)?.[1] ?? '').split(/\s+/).filter(Boolean);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
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
const entry = RUNTIME === 'tsx' ? join(ROOT, 'bench/serverBenchTarget.ts') : await bundle('bench/serverBenchTarget.ts', 'serverBenchTarget');
/** The server exactly as `npm start` runs it (server/main.ts, bundled as by `npm run build:server`). */
const mainEntry = RUNTIME === 'tsx' ? join(ROOT, 'server/main.ts') : await bundle('server/main.ts', 'main');
const bareEntry = RUNTIME === 'tsx' ? join(ROOT, 'bench/bareExpressTarget.ts') : await bundle('bench/bareExpressTarget.ts', 'bareExpressTarget');

/**
 * Bundles a bench entry as `npm run build:server` does (our TypeScript only, packages external, lazily imported
 * modules split into chunks) next to node_modules so the packages resolve; returns the entry's file.
 */
async function bundle(source: string, name: string): Promise<string> {
  const outdir = join(ROOT, 'node_modules/.cache/kreisform-bench', `${process.pid}-${name}`);
  bundles.push(outdir);
  await build({
    entryPoints: { [name]: join(ROOT, source) },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return join(outdir, `${name}.mjs`);
}

/** Starts a bench process (the server target, or the bare Express baseline) and waits for its port. */
async function startTarget(file = entry, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const execArgv = [
    ...NODE_FLAGS,
    ...(RUNTIME === 'tsx' ? ['--import', 'tsx'] : []),
    ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
  ];
  const child = spawn(process.execPath, [...execArgv, file], {
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
      ...env,
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

// The first start (the server as `npm start` runs it; it logs its port) creates the database and publishes the
// catalogue (checking every definition); the measured server is a restart on that database, as in production.
// The load comes from one address: the submission limit per client is lifted as in the bench target.
const npmStartEnv = { LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', SUBMISSION_RATE_LIMIT: '10000000' };
const firstStart = await startTarget(mainEntry, npmStartEnv);
const firstStartRssMb = readRssMb(firstStart.child.pid!).hwm;
// Bodies and the channels participant come from the served catalogue, before the measured server starts: it seeds
// the channels of exactly that participant.
const firstUrl = `http://127.0.0.1:${firstStart.port}`;
const bodies = await pickBodies(firstUrl);
const main = bodies[0]!;
channelsTenant = await pickChannelsTenant(firstUrl, main.service, channelsTenant);
await stopTarget(firstStart.child);
const { child, port } = await startTarget();
const pid = child.pid!;
const restartRssMb = readRssMb(pid).rss;
const baseUrl = `http://127.0.0.1:${port}`;
const bare = await startTarget(bareEntry);
const bareUrl = `http://127.0.0.1:${bare.port}`;


interface RouteSpec {
  /** Row label. */
  label: string;
  kind: 'bare' | 'no-op' | 'submission' | 'channels';
  url: string;
  body: Body;
  pid: number;
}
const submissionPath = (tenant: string, service: string) => `/api/v1/tenants/${tenant}/services/${service}/submissions`;
const routes: RouteSpec[] = [];
for (const [index, body] of bodies.entries()) {
  const suffix = index === 0 ? '' : ` ${body.name}`;
  routes.push({ label: `bare Express${suffix}`, kind: 'bare', url: `${bareUrl}${submissionPath(TENANT, body.service)}`, body, pid: bare.child.pid! });
  if (index === 0) routes.push({ label: 'no-op', kind: 'no-op', url: `${baseUrl}/api/v1/tenants/${TENANT}/services/${body.service}/noop-submissions`, body, pid });
  routes.push({ label: `submission${suffix}`, kind: 'submission', url: `${baseUrl}${submissionPath(TENANT, body.service)}`, body, pid });
}
routes.push({ label: 'channels', kind: 'channels', url: `${baseUrl}${submissionPath(channelsTenant, main.service)}`, body: main, pid });
for (const route of routes) {
  const probe = await fetch(route.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: route.body.text });
  if (probe.status !== 201) throw new Error(`bench: ${route.label} probe answered ${probe.status} ${await probe.text()}`);
}

interface Row {
  route: RouteSpec;
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

async function measure(route: RouteSpec, connections: number, duration = DURATION): Promise<Row> {
  let peakRss = readRssMb(route.pid).rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, readRssMb(route.pid).rss)), 200);
  const cpuBefore = readCpuMs(route.pid);
  const result = await autocannon({ url: route.url, connections, duration, method: 'POST', headers: { 'content-type': 'application/json' }, body: route.body.text });
  const cpuMs = readCpuMs(route.pid) - cpuBefore;
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
    rssMb: Math.max(peakRss, readRssMb(route.pid).rss),
  };
}

// Warm-up: JIT, ajv compile, SQLite page cache.
for (const route of routes) await measure(route, 10, 1);

// The routes take turns in short slices, so a change in the machine's load (other processes) hits all alike.
const rows: Row[] = [];
for (const connections of CONNECTIONS) {
  const slices = new Map<RouteSpec, Row[]>(routes.map((route) => [route, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const route of routes) slices.get(route)!.push(await measure(route, connections, DURATION / ROUNDS));
  }
  for (const route of routes) rows.push(combine(slices.get(route)!));
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
const bareRssMb = readRssMb(bare.child.pid!).hwm;

await stopTarget(child);
await stopTarget(bare.child);
const npmStartRss = await measureNpmStartRss();

/**
 * The RSS target is the product's: the server as `npm start` runs it (no bench routes), restarted on the run's
 * database and loaded with submissions of each body at 50 connections for BENCH_DURATION seconds in all.
 */
async function measureNpmStartRss(): Promise<{ peakMb: number; perSecond: number }> {
  const server = await startTarget(mainEntry, npmStartEnv);
  const url = `http://127.0.0.1:${server.port}`;
  let requests = 0;
  for (const body of bodies) {
    const result = await autocannon({
      url: `${url}${submissionPath(TENANT, body.service)}`,
      connections: 50,
      duration: DURATION / bodies.length,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.text,
    });
    if (result.non2xx > 0) throw new Error(`bench: npm start server answered ${result.non2xx} non-2xx`);
    requests += result.requests.total;
  }
  const peakMb = readRssMb(server.child.pid!).hwm;
  await stopTarget(server.child);
  return { peakMb, perSecond: requests / DURATION };
}
const relay = await measureRelay();
await receivers.close();
await rm(dataDir, { recursive: true, force: true });
for (const dir of bundles) await rm(dir, { recursive: true, force: true });
const loadAfter = loadavg();

const rowOf = (kind: RouteSpec['kind'], body: Body, connections: number) =>
  rows.find((r) => r.route.kind === kind && r.route.body === body && r.connections === connections);
const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
console.log(`\nkreisform server benchmark: tenant ${TENANT}, ${DURATION} s per row, loopback, synchronous=FULL`);
for (const body of bodies) console.log(`body ${body.name}: ${body.service} ${body.fixture}, ${body.text.length} bytes (${body.why})`);
console.log(
  `server: ${RUNTIME === 'tsx' ? 'node --import tsx (TypeScript loader)' : 'esbuild bundle on plain node, like npm start (dist-server/)'} ${process.version}, flags [${NODE_FLAGS.join(' ')}], own process; autocannon in the bench process`,
);
console.log('bare Express: Express 5 alone in its own process (same flags), express.json + a constant 201 receipt (bench/bareExpressTarget.ts)');
console.log('no-op route: the real app and middleware stack (security headers, Cache-Control, rate limiter, JSON body parsing and');
console.log('  checks, error handling), answers a constant 201 receipt without resolving, validating or storing');
console.log(`load average (1 min) before ${loadBefore[0]!.toFixed(2)}, after ${loadAfter[0]!.toFixed(2)}`);
console.log(`RSS after start: ${firstStartRssMb.toFixed(0)} MB peak of npm start's server on a new database (catalogue checked), ${restartRssMb.toFixed(0)} MB on restart (measured server)\n`);
console.log(`each row: ${ROUNDS} slices of ${(DURATION / ROUNDS).toFixed(1)} s alternating with the other routes; req/s mean, p50/p99 median of slices, p99 max = worst slice`);
console.log('route                   conns    req/s   p50 ms   p99 ms  p99 max  CPU µs/req  RSS MB  non-2xx  errors  vs bare  vs no-op');
for (const row of rows) {
  const bareRow = rowOf('bare', row.route.body, row.connections);
  const noopRow = rowOf('no-op', main, row.connections);
  const ratio = (base: Row | undefined) => (base ? `${(row.perSecond / base.perSecond).toFixed(2)}x` : '');
  console.log(
    `${row.route.label.padEnd(22)} ${String(row.connections).padStart(6)} ${row.perSecond.toFixed(0).padStart(8)} ${row.p50.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)} ${row.p99Worst.toFixed(1).padStart(8)} ${row.cpuUsPerRequest.toFixed(0).padStart(11)} ${row.rssMb.toFixed(0).padStart(7)} ${String(row.non2xx).padStart(8)} ${String(row.errors).padStart(7)} ${ratio(bareRow).padStart(8)} ${(row.route.kind === 'bare' ? '' : ratio(noopRow)).padStart(9)}`,
  );
}
console.log(`channels row: POST to ${channelsTenant}, whose submissions each write 3 outbox rows (signed webhook, staff notice, citizen receipt) in the same commit`);
console.log(`peak RSS over the whole run (VmHWM, includes start-up): server ${peakRssMb.toFixed(0)} MB, bare Express ${bareRssMb.toFixed(0)} MB`);
console.log(
  `relay (npm run worker, own process, DELIVERY_CONCURRENCY=${relay.concurrency}) draining the backlog for ${relay.seconds.toFixed(1)} s: ` +
    `${relay.perSecond.toFixed(0)} deliveries/s (webhook ${relay.webhooksPerSecond.toFixed(0)}/s to a local receiver, e-mail ${relay.mailsPerSecond.toFixed(0)}/s to a local SMTP server)`,
);

// The targets of issue 17, at 50 connections.
const TARGET_CONNECTIONS = 50;
console.log(
  `\ntargets at ${TARGET_CONNECTIONS} connections (synchronous=FULL): submission >= ${TARGET.ratio.toFixed(2)}x bare Express for each body, p99 <= ${TARGET.p99Ms} ms, server RSS <= ${TARGET.rssMb} MB (peak, as npm start runs it)`,
);
const verdicts: boolean[] = [];
for (const body of bodies) {
  const submission = rowOf('submission', body, TARGET_CONNECTIONS);
  const bareRow = rowOf('bare', body, TARGET_CONNECTIONS);
  if (!submission || !bareRow) {
    console.log(`  ${body.name}: no row at ${TARGET_CONNECTIONS} connections (BENCH_CONNECTIONS): NOT MET`);
    verdicts.push(false);
    continue;
  }
  const ratio = submission.perSecond / bareRow.perSecond;
  verdicts.push(ratio >= TARGET.ratio, submission.p99 <= TARGET.p99Ms);
  console.log(
    `  ${`submission, ${body.name}:`.padEnd(40)} ${ratio.toFixed(2)}x bare Express (${submission.perSecond.toFixed(0)} vs ${bareRow.perSecond.toFixed(0)} req/s) >= ${TARGET.ratio.toFixed(2)}x ${met(ratio >= TARGET.ratio)}; ` +
      `p99 ${submission.p99.toFixed(0)} ms <= ${TARGET.p99Ms} ms ${met(submission.p99 <= TARGET.p99Ms)}`,
  );
}
const channelsRow = rowOf('channels', main, TARGET_CONNECTIONS);
const mainSubmission = rowOf('submission', main, TARGET_CONNECTIONS);
if (channelsRow && mainSubmission) {
  const channelsRatio = channelsRow.perSecond / mainSubmission.perSecond;
  console.log(`  ${'channels (3 outbox rows) vs submission:'.padEnd(40)} ${channelsRatio.toFixed(2)}x >= 0.95x ${met(channelsRatio >= 0.95)} (the outbox's own target, not issue 17's)`);
}
const rssPeak = Math.max(npmStartRss.peakMb, firstStartRssMb);
verdicts.push(rssPeak <= TARGET.rssMb);
console.log(
  `  ${'server RSS (as npm start runs it):'.padEnd(40)} peak ${npmStartRss.peakMb.toFixed(0)} MB under ${DURATION} s of submissions at 50 connections (${npmStartRss.perSecond.toFixed(0)} req/s), ` +
    `${firstStartRssMb.toFixed(0)} MB on a first start <= ${TARGET.rssMb} MB ${met(rssPeak <= TARGET.rssMb)}`,
);
console.log(`  (the bench server with its extra routes peaked at ${peakRssMb.toFixed(0)} MB)`);
console.log(`  => ${verdicts.every(Boolean) ? 'all targets MET' : 'NOT all targets met'}`);

/** A participant other than TENANT serving the same version of the service (so the same body is valid). */
async function pickChannelsTenant(baseUrl: string, service: string, preferred: string): Promise<string> {
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
  const workerEntry = RUNTIME === 'tsx' ? join(ROOT, 'server/worker.ts') : await bundle('server/worker.ts', 'worker');
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

interface Body {
  /** Short name in the rows. */
  name: string;
  service: string;
  fixture: string;
  /** The request body as sent: the fixture file's text. */
  text: string;
  why: string;
}

/**
 * The bodies of issue 17, from the real catalogue and valid for the version TENANT serves: the Gewerbeanmeldung
 * fixture of about 2 KB, and the largest valid fixture of the largest form TENANT serves (by its definition's size).
 * When that is the same fixture, one body stands for both.
 */
async function pickBodies(baseUrl: string): Promise<Body[]> {
  const validator = createFormValidator();
  const { items } = (await (await fetch(`${baseUrl}/api/v1/tenants/${TENANT}/services`)).json()) as { items: { id: string }[] };
  const served = new Map<string, { definition: unknown; size: number }>();
  for (const { id } of items) {
    const text = await (await fetch(`${baseUrl}/api/v1/tenants/${TENANT}/services/${id}`)).text();
    served.set(id, { definition: JSON.parse(text), size: text.length });
  }
  const validFixtures = (service: string): { fixture: string; text: string }[] => {
    const definition = served.get(service)?.definition;
    const fixtureDir = join(ROOT, 'forms', service, 'fixtures', 'valid');
    let files: string[] = [];
    try {
      files = readdirSync(fixtureDir).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    return files
      .map((fixture) => ({ fixture, text: readFileSync(join(fixtureDir, fixture), 'utf8') }))
      .filter(({ text }) => definition !== undefined && validator.validate(definition as never, JSON.parse(text)).valid);
  };
  const gewerbe = validFixtures('gewerbeanmeldung').sort((a, b) => Math.abs(a.text.length - 2048) - Math.abs(b.text.length - 2048))[0];
  if (!gewerbe) throw new Error(`bench: ${TENANT} serves no gewerbeanmeldung version that a fixture of about 2 KB is valid for`);
  const largestService = [...served].sort((a, b) => b[1].size - a[1].size)[0]![0];
  const largest = validFixtures(largestService).sort((a, b) => b.text.length - a.text.length)[0];
  if (!largest) throw new Error(`bench: no valid fixture for ${largestService}, the largest form of ${TENANT}`);
  const bodies: Body[] = [{ name: '2 KB', service: 'gewerbeanmeldung', ...gewerbe, why: 'the Gewerbeanmeldung body of about 2 KB' }];
  const why = `largest valid fixture of the largest form ${TENANT} serves (${served.get(largestService)!.size} bytes of definition)`;
  if (largestService === 'gewerbeanmeldung' && largest.fixture === gewerbe.fixture) bodies[0]!.why += `; also the ${why}`;
  else bodies.push({ name: 'largest', service: largestService, ...largest, why });
  return bodies;
}

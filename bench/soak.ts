/**
 * `npm run soak`: a run of mixed hostile traffic against a real server process (`server/main.ts` on a fresh SQLite
 * file in a temp dir, as `npm start` runs it) while a probe asks `GET /healthz` every 100 ms. The shapes are those
 * of the attack run (issue "Hardening"): numbers beyond double range with an Idempotency-Key, bodies with thousands
 * of unknown keys, 10,000+ values, deep nesting, declared lengths over the limit followed by a trickle, drafts with
 * foreign keys and oversized drafts, wrong passwords for one account from many clients, plus valid submissions.
 * Prints the health probe's latency (max, p99), the server's peak RSS and whether the targets (healthz within
 * 200 ms throughout, RSS under 400 MiB) are met. The probe runs in its own process.
 *
 * Env: SOAK_SECONDS (default 60), SOAK_WORKERS (concurrent hostile clients, default 8: enough to saturate the server;
 * on a 2-core machine more clients mostly add queueing behind this process's own work).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8);
const TARGET = { healthzMs: 200, rssMiB: 400 };
const SUBMIT = '/api/v1/tenants/erkelenz/services/hundesteuer-anmeldung/submissions';
const DRAFT = '/api/v1/tenants/erkelenz/services/hundesteuer-anmeldung/drafts';

const dataDir = await mkdtemp(join(tmpdir(), 'kreisform-soak-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', SUBMISSION_RATE_LIMIT: '10000000', LOGIN_RATE_LIMIT: '10000000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise<number>((resolvePort, reject) => {
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    if (entry.msg === 'kreisform listening' && entry.port) resolvePort(entry.port);
  });
  child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;

function readRssMiB(): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const json = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then((response) => response.arrayBuffer());

/** Declares 30 MB, then trickles a few bytes: the server must answer 413 at once and drop the connection. */
const declaredTooLarge = () =>
  new Promise<void>((resolveDone) => {
    const req = request(`${base}${SUBMIT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(30 * 1024 * 1024) } });
    req.on('response', (response) => {
      response.resume();
      response.on('end', () => resolveDone());
    });
    req.on('error', () => resolveDone());
    req.write('[[[[');
  });

const unknownKeys = JSON.stringify(Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, i])));
const manyValues = `{"x":[${'0,'.repeat(60_000)}0]}`;
const deepNesting = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
const foreignDraft = JSON.stringify({ data: { fremd: 'x'.repeat(200_000) } });
const hugeDraft = JSON.stringify({ data: { hund: { name: 'x'.repeat(5 * 1024 * 1024) } } });
const valid = readFileSync(join(ROOT, 'forms/hundesteuer-anmeldung/fixtures/valid/01-minimal.json'), 'utf8');

const SHAPES: (() => Promise<unknown>)[] = [
  () => json(SUBMIT, '{"x":1e309}', { 'idempotency-key': crypto.randomUUID() }),
  () => json(SUBMIT, unknownKeys),
  () => json(SUBMIT, manyValues),
  () => json(SUBMIT, deepNesting),
  declaredTooLarge,
  () => json(DRAFT, foreignDraft),
  () => json(DRAFT, hugeDraft),
  () => json('/api/v1/staff/login', JSON.stringify({ email: 'admin@erkelenz.example', password: `falsch-${Math.random()}` })),
  () => json(SUBMIT, valid, { 'idempotency-key': crypto.randomUUID() }),
];

const until = Date.now() + SECONDS * 1000;
const counts = new Array<number>(SHAPES.length).fill(0);
const workers = Array.from({ length: WORKERS }, async (_, worker) => {
  for (let i = worker; Date.now() < until; i++) {
    const shape = i % SHAPES.length;
    await SHAPES[shape]!().catch(() => undefined);
    counts[shape]!++;
  }
});

// The probe runs in its own process (a new connection per probe, like a load balancer's check), so the hostile
// clients' work in this process does not delay the measurement.
const PROBE_SCRIPT = `
const { get } = require('node:http');
const times = [];
const until = Date.now() + Number(process.argv[2]);
(async () => {
  while (Date.now() < until) {
    const started = performance.now();
    const status = await new Promise((resolve) => get(process.argv[1], { agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); }).on('error', () => resolve(0)));
    times.push(status === 200 ? performance.now() - started : Infinity);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.stdout.write(JSON.stringify(times.map((time) => (Number.isFinite(time) ? time : -1))));
})();
`;
const probe = spawn(process.execPath, ['-e', PROBE_SCRIPT, `${base}/healthz`, String(SECONDS * 1000)], { stdio: ['ignore', 'pipe', 'inherit'] });
let probeOutput = '';
probe.stdout!.on('data', (chunk: Buffer) => (probeOutput += chunk.toString()));
const probeDone = new Promise((resolveProbe) => probe.once('exit', resolveProbe));
let peakRss = readRssMiB();
const rssBefore = peakRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, readRssMiB())), 100);

await Promise.all([...workers, probeDone]);
clearInterval(sampler);
const probes = JSON.parse(probeOutput) as number[];
const failedProbes = probes.filter((time) => time < 0).length;
const latencies = probes.filter((time) => time >= 0);
child.kill('SIGTERM');
await new Promise((resolveExit) => child.once('exit', resolveExit));
await rm(dataDir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const maxMs = latencies.at(-1) ?? 0;
const p99Ms = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`soak: ${SECONDS} s, ${WORKERS} hostile clients, ${counts.reduce((a, b) => a + b, 0)} requests (${counts.join(' / ')} per shape)`);
console.log(
  `healthz (own process): ${probes.length} probes, ${failedProbes} failed, p99 ${p99Ms.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms (target < ${TARGET.healthzMs} ms: ${met(failedProbes === 0 && maxMs < TARGET.healthzMs)})`,
);
console.log(`load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)}`);
console.log(`server RSS: ${rssBefore.toFixed(0)} MiB at start, peak ${peakRss.toFixed(0)} MiB (target < ${TARGET.rssMiB} MiB: ${met(peakRss < TARGET.rssMiB)})`);

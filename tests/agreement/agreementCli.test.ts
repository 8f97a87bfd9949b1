import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStorageEnv, startServer } from '../helpers/startServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

describe('agreement CLI (costs, cost-set, participation, population-import)', () => {
  let dir: string;
  const forms = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(TSX, ['cli/forms.ts', ...args], { cwd: ROOT, env: { ...process.env, ...getStorageEnv(join(dir, 'data')) } }, (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kreisform-cli-'));
    // The server prepares the database as `npm start` does (catalogue, enablements, population seeds).
    const server = await startServer({ dataDir: join(dir, 'data') });
    await server.deps.storage.enablements.save(
      { tenant: 'gangelt', service: 'fundsache-melden', enabled: true, versionPolicy: '^1', agreedOn: '2027-01-15', changedBy: 'test', changedAt: '2027-01-15T09:00:00Z' },
      { tenant: 'gangelt', actor: 'test', action: 'enablement.changed', subject: 'fundsache-melden' },
    );
    await server.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('When costs are set and printed, then each Kreis service with a cost has rows whose shares sum to its cost', async () => {
    expect((await forms('cost-set', '--service', 'fundsache-melden', '--year', '2025', '--cents', '1000000')).code).toBe(0);
    const result = await forms('costs', '--year', '2025');
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trim().split('\r\n');
    expect(header).toBe('year,service,basis,participant,municipalityKey,population,referenceDate,source,official,shareCents,costCents');
    const fund = rows.filter((row) => row.startsWith('2025,fundsache-melden,split,'));
    expect(fund.length).toBeGreaterThan(1);
    const cents = fund.map((row) => Number(row.split(',').at(-2)));
    expect(cents.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(result.stderr).toContain('the split is provisional');
    expect(result.stderr).toContain('no cost entered for gewerbeanmeldung in 2025');
  });

  it('When a needed population table is missing, then costs exits 1 and names the reference date', async () => {
    expect((await forms('cost-set', '--service', 'fundsache-melden', '--year', '2027', '--cents', '500000')).code).toBe(0);
    const result = await forms('costs', '--year', '2027');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Population figures are missing for reference date 2026-06-30');
  });

  it('When a population file has bad lines, then nothing is imported and each line is named; a good file completes the split', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'ags;einwohner;stichtag;quelle;amtlich\n05370008;13.000;2026-06-30;IT.NRW;ja\n');
    const refused = await forms('population-import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2: population must be a positive whole number');
    expect((await forms('costs', '--year', '2027')).code).toBe(1);

    const keys = ['05370004', '05370008', '05370012', '05370016', '05370020', '05370024', '05370028', '05370032', '05370036', '05370040'];
    const good = join(dir, 'einwohner-2026.csv');
    await writeFile(good, ['municipalityKey,population,referenceDate,source,official', ...keys.map((key) => `${key},30000,2026-06-30,IT.NRW,true`)].join('\n'));
    const imported = await forms('population-import', good);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('2026-06-30: 10 figures (amtlich)');
    const costs = await forms('costs', '--year', '2027');
    expect(costs.code).toBe(0);
    expect(costs.stdout).toContain('2027,fundsache-melden,split,gangelt,05370008,30000,2026-06-30,IT.NRW,true,');
  });

  it('When the participation matrix is printed, then it has one column per participant and the lead of each service', async () => {
    const result = await forms('participation');
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trim().split('\r\n');
    expect(header).toBe('service,title,lead,kommunen,kreis-heinsberg,erkelenz,gangelt,geilenkirchen,heinsberg,hueckelhoven,selfkant,uebach-palenberg,waldfeucht,wassenberg,wegberg');
    expect(rows.find((row) => row.startsWith('fundsache-melden,'))).toMatch(/^fundsache-melden,[^,]+,kreis,\d+,/);
  });

  it('When arguments are wrong, then exit 2 with the usage', async () => {
    for (const args of [['costs'], ['costs', '--year', '25'], ['cost-set', '--service', 'x'], ['population-import', 'file.txt'], ['participation', 'extra']]) {
      const result = await forms(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run forms --');
    }
  });
});

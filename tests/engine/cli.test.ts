import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npx tsx cli/forms.ts <args>` from the repository root, as a user would. */
function forms(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'cli/forms.ts', ...args], { cwd: process.cwd() }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('forms CLI (end to end in a temp catalogue)', () => {
  let dir: string;
  let service: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kreisform-cli-'));
    await cp('tests/fixtures/forms', dir, { recursive: true });
    service = join(dir, 'demo-anmeldung');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('When the catalogue is consistent, then validate exits 0', async () => {
    const result = await forms('validate', '--dir', dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('OK (2 definition file(s) of 1 service(s), 0 published)');
    expect(result.code).toBe(0);
  });

  it('When versions are locked, then they are published and existing entries never change', async () => {
    const first = await forms('lock', '--dir', dir, 'demo-anmeldung@1.0.0');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('published demo-anmeldung@1.0.0');
    const lock = await readJson(join(dir, 'forms.lock.json'));
    expect(Object.keys(lock)).toEqual(['demo-anmeldung@1.0.0']);
    expect(lock['demo-anmeldung@1.0.0']).toMatch(/^sha256:[0-9a-f]{64}$/);

    const second = await forms('lock', '--dir', dir);
    expect(second.stdout).toContain('published demo-anmeldung@1.1.0');
    const after = await readJson(join(dir, 'forms.lock.json'));
    expect(after['demo-anmeldung@1.0.0']).toBe(lock['demo-anmeldung@1.0.0']);
    expect(Object.keys(after)).toEqual(['demo-anmeldung@1.0.0', 'demo-anmeldung@1.1.0']);

    expect((await forms('lock', '--dir', dir)).stdout).toContain('Nothing to lock');
    const list = await forms('list', '--dir', dir);
    expect(list.stdout).toMatch(/1\.0\.0\s+published/);
  });

  it('When a published version is modified, then validate fails naming the file and lock refuses', async () => {
    expect((await forms('lock', '--dir', dir)).code).toBe(0);
    const path = join(service, '1.0.0.json');
    const definition = await readJson(path);
    definition.title = 'Heimlich geänderter Titel';
    await writeFile(path, JSON.stringify(definition, null, 2));

    const result = await forms('validate', '--dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}: ${path} changed after demo-anmeldung@1.0.0 was published`);
    expect(result.stderr).toContain('[published-changed]');

    const lock = await forms('lock', '--dir', dir);
    expect(lock.code).toBe(1);
    expect(lock.stderr).toContain('Nothing locked');
  });

  it('When a new version narrows a constraint without a major bump, then validate fails listing the change', async () => {
    const next = await readJson(join(service, '1.1.0.json'));
    next.version = '1.2.0';
    const schema = next.schema as { $defs: { person: { properties: { vorname: { maxLength: number } } } } };
    schema.$defs.person.properties.vorname.maxLength = 20;
    await writeFile(join(service, '1.2.0.json'), JSON.stringify(next, null, 2));

    const result = await forms('validate', '--dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(join(service, '1.2.0.json'));
    expect(result.stderr).toContain('1.1.0 -> 1.2.0 is a minor bump, but the changes need a major bump');
    expect(result.stderr).toContain('breaking /schema/$defs/person/properties/vorname/maxLength: constraint narrowed: maxLength 100 -> 20');

    next.version = '2.0.0';
    await rm(join(service, '1.2.0.json'));
    await writeFile(join(service, '2.0.0.json'), JSON.stringify(next, null, 2));
    expect((await forms('validate', '--dir', dir)).code).toBe(0);
  });

  it('When a definition has an unsafe pattern, then validate fails with the file and the reason', async () => {
    const path = join(service, '1.1.0.json');
    const definition = await readJson(path);
    const plz = (definition.schema as { $defs: { person: { properties: { plz: Record<string, unknown> } } } }).$defs.person.properties.plz;
    plz.pattern = '^(a+)+$';
    delete plz.maxLength;
    await writeFile(path, JSON.stringify(definition));

    const result = await forms('validate', '--dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path} /schema/$defs/person/properties/plz: A "pattern" needs a "maxLength"`);
    expect(result.stderr).toContain('[unbounded-pattern]');
  });

  it('When a file is not JSON, then validate reports it', async () => {
    await writeFile(join(service, '3.0.0.json'), '{ nope');
    const result = await forms('validate', '--dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(join(service, '3.0.0.json'));
    expect(result.stderr).toContain('[unreadable]');
  });

  it('When two versions are diffed, then each change is printed as breaking or compatible with the needed bump', async () => {
    const compatible = await forms('diff', join(service, '1.0.0.json'), join(service, '1.1.0.json'));
    expect(compatible.code).toBe(0);
    expect(compatible.stdout).toMatch(/^compatible\s+minor\s+\/schema\/\$defs\/person\/properties\/telefon\s+optional property "telefon" added$/m);
    expect(compatible.stdout).toContain('needs: minor bump');

    const breaking = await forms('diff', join(service, '1.1.0.json'), join(service, '1.0.0.json'));
    expect(breaking.code).toBe(0);
    expect(breaking.stdout).toMatch(/^breaking\s+major\s+\/schema\/\$defs\/person\/properties\/telefon\s+property "telefon" removed$/m);
    expect(breaking.stdout).toContain('needs: major bump');
  });

  it('When types are generated, then --check passes until a definition changes', async () => {
    const out = join(dir, 'types-out');
    const written = await forms('types', '--dir', dir, '--out', out);
    expect(written.code).toBe(0);
    const source = await readFile(join(out, 'demo-anmeldung', '1.1.0.ts'), 'utf8');
    expect(source).toContain('export interface DemoAnmeldung');
    expect(source).toContain('telefon?: string;');
    expect((await forms('types', '--dir', dir, '--out', out, '--check')).code).toBe(0);

    const path = join(service, '1.1.0.json');
    const definition = await readJson(path);
    (definition.schema as { properties: Record<string, unknown> }).properties.neu = { type: 'string', maxLength: 3 };
    await writeFile(path, JSON.stringify(definition));
    const stale = await forms('types', '--dir', dir, '--out', out, '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('1.1.0.ts is stale');

    await rm(join(service, '1.0.0.json'));
    const regenerated = await forms('types', '--dir', dir, '--out', out);
    expect(regenerated.stdout).toContain(`removed ${join(out, 'demo-anmeldung', '1.0.0.ts')}`);
    expect((await forms('types', '--dir', dir, '--out', out, '--check')).code).toBe(0);
  });
});

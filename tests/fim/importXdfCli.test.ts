import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { run, summary } from '../../cli/commands/import-xdf.ts';
import { checkDefinition } from '../../engine/checkDefinition.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fimDir = path.resolve(repoRoot, '../shared/fim');
const gerps = path.join(fimDir, 'gerps_S00000094V1.0_xdf2.xml');

describe('forms import-xdf', () => {
  let errors: MockInstance<typeof console.error>;
  let outDir: string;

  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    outDir = mkdtempSync(path.join(tmpdir(), 'kreisform-import-xdf-'));
  });
  afterEach(() => errors.mockRestore());

  const stderr = (): string => errors.mock.calls.map((call) => call.join(' ')).join('\n');

  it('has a one-line summary for the command list', () => {
    expect(summary).toMatch(/^Import a FIM Stammdatenschema/);
  });

  it('When run with --codelists and --out, then it writes a valid draft and reports the counts', async () => {
    const out = path.join(outDir, 'draft.json');
    expect(await run([gerps, '--codelists', fimDir, '--out', out])).toBe(0);
    const definition = JSON.parse(readFileSync(out, 'utf8'));
    expect(checkDefinition(definition)).toEqual([]);
    expect(definition.schema.properties.beschaeftigungsverhaeltnisFrau.oneOf).toHaveLength(9);
    expect(stderr()).toMatch(/Imported benachrichtigung-[a-z-]+@0\.1\.0: 44 fields, 16 groups, 13 rules, 0 warnings -> /);
  });

  it('When run without code lists, then the warnings name the select fields', async () => {
    expect(await run([gerps, '--out', path.join(outDir, 'draft.json')])).toBe(0);
    expect(stderr()).toContain('warning codelist-missing F00000463:');
  });

  it.each([
    ['an XDatenfelder 1 file', [path.join(fimDir, 'fim_S00000036_Waffenbesitzkarte_WBK_gruen_xdf1.xml')], /XDF_VERSION_UNSUPPORTED: XDatenfelder 1 is not supported/],
    ['a code list', [path.join(fimDir, 'gerps_S00000094_codeliste_C00000020_genericode.xml')], /XDF_NOT_XDATENFELDER/],
    ['a missing file', [path.join(fimDir, 'nope.xml')], /Cannot read input/],
    ['no file', [], /Give exactly one XDatenfelder file\.\nUsage: npm run forms -- import-xdf/],
    ['an unknown option', [gerps, '--force'], /Unknown option --force/],
    ['--out without a value', [gerps, '--out'], /--out needs a value/],
    ['an --out folder that does not exist', [gerps, '--out', '/nonexistent-kreisform/draft.json'], /Cannot write \/nonexistent-kreisform\/draft\.json/],
  ])('When given %s, then it exits with 1 and says why', async (_description, args, message) => {
    const out = path.join(outDir, 'never.json');
    writeFileSync(out, 'unchanged');
    expect(await run(args)).toBe(1);
    expect(stderr()).toMatch(message);
    expect(readFileSync(out, 'utf8')).toBe('unchanged');
  });

  it('When run through the forms CLI (cli/forms.ts), then the definition is JSON on standard output', async () => {
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const { stdout, stderr: log } = await promisify(execFile)(tsx, ['cli/forms.ts', 'import-xdf', path.join(fimDir, 'xdf_flxbe_v3-data_simple.xml')], {
      cwd: repoRoot,
    });
    expect(JSON.parse(stdout)).toMatchObject({ id: 'anschrift-inland', version: '0.1.0', source: { kind: 'fim-xdf', schemaId: 'G60000000088' } });
    expect(log).toContain('Imported anschrift-inland@0.1.0: 1 fields, 1 groups, 1 rules, 0 warnings.');
  });
});

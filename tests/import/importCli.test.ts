import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { run, summary } from '../../cli/commands/import.ts';
import { run as validate } from '../../cli/commands/validate.ts';
import { SAMPLES_DIR } from './importSamples.ts';

const greeting = path.join(SAMPLES_DIR, 'digiwf/greeting-startformular.json');

describe('forms import', () => {
  let errors: MockInstance<typeof console.error>;
  let logs: MockInstance<typeof console.log>;
  let outDir: string;

  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    outDir = mkdtempSync(path.join(tmpdir(), 'kreisform-import-'));
  });
  afterEach(() => {
    errors.mockRestore();
    logs.mockRestore();
  });

  const stderr = (): string => errors.mock.calls.map((call) => call.join(' ')).join('\n');

  it('has a one-line summary for the command list', () => {
    expect(summary).toMatch(/^Import a JSON Schema, rjsf, JSON Forms, DigiWF, Form\.io or SurveyJS form/);
  });

  it('When a DigiWF form is imported with --id and --out, then the draft passes forms validate and the German report is printed', async () => {
    const formsDir = path.join(outDir, 'forms');
    mkdirSync(path.join(formsDir, 'gruss-versenden'), { recursive: true });
    writeFileSync(path.join(formsDir, 'forms.lock.json'), '{}\n');
    const out = path.join(formsDir, 'gruss-versenden', '0.1.0.json');
    expect(await run([greeting, '--id', 'gruss-versenden', '--out', out])).toBe(0);
    const definition = JSON.parse(readFileSync(out, 'utf8'));
    expect(definition).toMatchObject({ id: 'gruss-versenden', version: '0.1.0', title: 'Daten zum Gruß', source: { kind: 'digiwf' } });
    expect(stderr()).toContain('Importbericht:');
    expect(stderr()).toContain('/schema/allOf/0/allOf/1/properties/FormField_Grusstext  max-length-added: Keine Höchstlänge angegeben; 2000 Zeichen ergänzt (mehrzeiliger Text).');
    expect(stderr()).toMatch(/Imported digiwf as gruss-versenden@0\.1\.0: \d+ report entries, passes checkDefinition -> /);
    expect(await validate(['--dir', formsDir])).toBe(0);
  });

  it('When --from names another family, then the file is read as that family', async () => {
    const out = path.join(outDir, 'draft.json');
    expect(await run([path.join(SAMPLES_DIR, 'jsonschema/jsonforms-person.json'), '--from', 'jsonschema', '--out', out])).toBe(0);
    expect(stderr()).toContain('Als JSON Schema (react-jsonschema-form / JSON Forms) importiert (vorgegeben).');
  });

  it.each([
    ['a circular reference', [path.join(SAMPLES_DIR, 'jsonschema/rjsf-references.json')], /IMPORT_CIRCULAR_REF \/schema\/properties\/tree\/properties\/children\/items\/oneOf\/1\/\$ref: Der Verweis „#\/definitions\/node“/],
    ['no form', [path.join(SAMPLES_DIR, 'SOURCES.md')], /Cannot read .*SOURCES\.md as JSON/],
    ['an unknown family', [greeting, '--from', 'xforms'], /--from must be one of jsonschema, digiwf, formio, surveyjs/],
    ['a bad id', [greeting, '--id', 'Gruß'], /IMPORT_BAD_ID: Die Kennung muss/],
    ['no file', [], /Give exactly one form file\.\nUsage: npm run forms -- import/],
    ['an unknown option', [greeting, '--force'], /Unknown option --force/],
    ['--out without a value', [greeting, '--out'], /--out needs a value/],
  ])('When given %s, then it exits with 1, writes nothing and says why', async (_description, args, message) => {
    const out = path.join(outDir, 'never.json');
    writeFileSync(out, 'unchanged');
    expect(await run(args.includes('--out') ? args : [...args])).toBe(1);
    expect(stderr()).toMatch(message);
    expect(readFileSync(out, 'utf8')).toBe('unchanged');
  });
});

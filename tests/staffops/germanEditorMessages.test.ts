import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import metaSchema from '../../schemas/form-definition.schema.json' with { type: 'json' };
import { checkDefinition } from '../../engine/checkDefinition.ts';
import { checkVersionBump } from '../../engine/checkVersionBump.ts';
import type { DefinitionProblem } from '../../engine/DefinitionError.ts';
import { diffDefinitions } from '../../engine/diffDefinitions.ts';
import { describeChangeInGerman, describeLocationInGerman, describeProblemInGerman, translateChangeDescription, translateProblem } from '../../engine/german/index.ts';
import { clone, makeDefinition } from '../engine/makeDefinition.ts';
import { translateEditorActionError } from '../../renderer/staff/editor/describeEditorActionError.ts';
import { describeJsonErrorPlace } from '../../renderer/staff/editor/describeJsonErrorPlace.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

/** Words that occur in the English messages but never in German sentences. */
const ENGLISH = /\b(the|must|is|are|not|and|of|with|has|have|needs?|should|added|removed|changed|property|constraint|required|allowed|only|reference|step|bump|which|be|an?)\b/i;

function expectGerman(text: string | undefined, context: string): void {
  expect(text, `${context}: no German text`).toBeDefined();
  expect(text!.length, context).toBeGreaterThan(10);
  expect(ENGLISH.test(text!.replace(/„[^“]*“|"[^"]*"|\([^)]*\/[^)]*\)|\S*\/\S*/g, '')), `${context}: looks English: ${text}`).toBe(false);
}

/** Problem codes the editor can show: those of the definition checks and of the editor's own use cases. */
function editorProblemCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of ['engine/checkDefinition.ts', 'engine/checkDataSchema.ts', 'engine/checkVersionBump.ts', 'server/usecases/createEditorUseCases.ts']) {
    const source = read(file);
    for (const match of source.matchAll(/code: '([a-z-]+)'/g)) codes.add(match[1]!);
    for (const match of source.matchAll(/report\(\s*[^,]+,\s*'([a-z-]+)'/g)) codes.add(match[1]!);
  }
  return codes;
}

/** Every keyword the meta-schema uses (each can fail and reach the editor as a 'meta-schema' problem). */
function metaSchemaKeywords(): Set<string> {
  const keywords = new Set<string>();
  const ASSERTIONS = new Set(['type', 'required', 'additionalProperties', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'oneOf', 'anyOf', 'uniqueItems', 'format', 'multipleOf', 'minProperties', 'maxProperties', 'not', 'if', 'dependentRequired', 'propertyNames']);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (ASSERTIONS.has(key)) keywords.add(key);
        if (key === 'additionalProperties' && value === false) keywords.add('additionalProperties');
        walk(value);
      }
    }
  };
  walk(metaSchema);
  return keywords;
}

/** Real problems from bad definitions, so the German texts are tested on the engine's real messages. */
function realProblems(): DefinitionProblem[] {
  const base = makeDefinition();
  const withSchema = (schema: Record<string, unknown>) => ({ ...base, schema });
  const definitions: unknown[] = [
    [],
    { ...base, changelog: { date: '2026-01-01', summary: 'ab' } },
    { ...base, version: '1.0', extra: 1, title: 5, retentionDays: -1, lead: { kind: 'kommunen', participants: ['kreis-heinsberg', 'erkelenz', 'erkelenz'] } },
    (({ title: _t, ...rest }) => rest)(base),
    { ...base, steps: [{ title: 'Eins', properties: ['antragsteller', 'gibtsnicht', 'antragsteller'] }] },
    withSchema({ type: 'object', properties: { a: { type: 'object', properties: {} } }, required: ['fehlt'] }),
    withSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'string', pattern: 'x', format: 'email' }, b: { type: 'array', uniqueItems: true, items: 3 } } }),
    withSchema({ type: 'object', additionalProperties: false, properties: { a: { $ref: 'https://example.org/x' }, b: { $ref: '#/$defs/nix' }, c: { $ref: '#/$defs/kreis' }, d: { $ref: '#nope' } }, $defs: { kreis: { $ref: '#/$defs/kreis' } } }),
    withSchema({ type: 'object', additionalProperties: false, properties: { a: { $anchor: 'x', $id: 'y', type: 'string', maxLength: 3 }, b: { type: 'string', maxLength: { $data: '1/x' } } }, $data: '0' } as Record<string, unknown>),
    withSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'string', maxLength: 5 } }, if: { properties: { zz: { const: 1 } } } }),
    withSchema({ type: 'object', additionalProperties: false, properties: { constructor: { type: 'string', maxLength: 3 } } }),
    withSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'strung' } } }),
    withSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'string', maxLength: 5, pattern: '^(a)\\1$' } } }),
    withSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'string', 'x-upload': { maxBytes: 1000, types: ['application/pdf'] } } } }),
    { ...base, contactEmail: '/gibtsnicht' },
  ];
  let deep: Record<string, unknown> = { type: 'object' };
  for (let i = 0; i < 40; i++) deep = { type: 'object', additionalProperties: false, properties: { x: deep } };
  definitions.push(withSchema(deep));
  definitions.push({ ...base, description: 'x'.repeat(600 * 1024) });
  return definitions.flatMap((definition) => checkDefinition(definition));
}

describe('the editor speaks German', () => {
  it('When the issue\'s example problem is described, then it reads as in the issue', () => {
    const problems = checkDefinition({ ...makeDefinition(), changelog: { date: '2026-01-01', summary: 'ab' } });
    expect(problems.map((problem) => describeProblemInGerman(problem))).toEqual(['Die Kurzbeschreibung der Änderung muss mindestens 3 Zeichen lang sein.']);
  });

  it('When every problem code the editor can show is run through the describer, then each has its own German text', () => {
    const problems = [
      ...realProblems(),
      ...checkVersionBump(makeDefinition(), makeDefinition({ version: 'x' })),
      ...checkVersionBump(makeDefinition({ version: '2.0.0' }), makeDefinition()),
      ...checkVersionBump(makeDefinition(), { ...makeDefinition({ version: '1.0.1' }), schema: { ...makeDefinition().schema, required: ['antragsteller', 'bemerkung'] } }),
      { pointer: '/id', code: 'id-mismatch', message: 'The definition\'s id must be "fundsache-melden".' },
      { pointer: '/version', code: 'version-not-greater', message: 'Version 1.0.0 must be greater than every published version (latest: 1.2.0).' },
      { pointer: '', code: 'not-json', message: 'Converting circular structure to JSON' },
      { pointer: '/schema', code: 'schema-not-object', message: 'The data schema must be a JSON object.' },
      { pointer: '/schema', code: 'schema-compile', message: 'The schema does not compile: strict mode: unknown keyword: "foo"' },
      { pointer: '/schema/properties/a', code: 'invalid-schema', message: 'A schema must be an object or a boolean.' },
    ];
    const covered = new Set(problems.map((problem) => problem.code));
    const missing = [...editorProblemCodes()].filter((code) => !covered.has(code));
    expect(missing, 'problem codes without a sample in this test (add one)').toEqual([]);
    for (const problem of problems) expectGerman(translateProblem(problem, makeDefinition()), `${problem.code} ${problem.pointer} ${problem.message}`);
  });

  it('When every keyword of the meta-schema fails, then the describer has a German sentence for it', () => {
    for (const keyword of metaSchemaKeywords()) {
      const problem: DefinitionProblem = { pointer: '/changelog/summary', code: 'meta-schema', message: `/changelog/summary is invalid (${keyword})`, keyword, params: { limit: 3, type: 'string', allowedValues: ['kreis'], allowedValue: 'kreis', format: 'date', missingProperty: 'x', additionalProperty: 'x' } };
      expectGerman(translateProblem(problem), `meta-schema ${keyword}`);
    }
  });

  it('When every diff template of the engine is instantiated, then each has a German translation', () => {
    const source = read('engine/diffDefinitions.ts');
    const templates = stringLiterals(source).filter((literal) => / /.test(literal) && /^.[a-z$]/.test(literal) && !literal.includes('text.slice'));
    expect(templates.length).toBeGreaterThan(40);
    for (const template of templates) {
      const body = template.slice(1, -1);
      const keyword = /^\$\{keyword\} entry/.test(body) ? 'allOf' : /^\$\{keyword\} alternative/.test(body) ? 'oneOf' : 'maxLength';
      const samples: Record<string, string> = { keyword, role: 'items', field: 'legalBasis', name: 'vorname', target: 'rufname', option: '"ja"', before: '5', after: '7' };
      for (const choice of ['narrowed', 'widened']) {
        const text = body
          .replace(/\$\{narrowed \? 'narrowed' : 'widened'\}/g, choice)
          .replace(/\$\{(\w+)\}/g, (_m, name: string) => samples[name] ?? '7')
          .replace(/\$\{show\([^)]*\)\}/g, '7');
        expectGerman(translateChangeDescription(text), `diff template ${template} -> ${text}`);
      }
    }
    const fields = /const METADATA_FIELDS = \[([^\]]*)\]/.exec(source)![1]!.match(/'([^']+)'/g)!.map((field) => field.slice(1, -1));
    for (const field of fields) expectGerman(translateChangeDescription(`metadata changed: ${field}`), `metadata ${field}`);
  });

  it('When any error the visual editor can throw is shown, then it is German', () => {
    let count = 0;
    for (const file of ['renderer/staff/editor/applyEditorAction.ts', 'renderer/staff/editor/fieldKinds.ts', 'renderer/staff/editor/objectLevel.ts', 'renderer/staff/editor/readEditorModel.ts']) {
      for (const match of read(file).matchAll(/throw new Error\((`[^`]*`|'[^']*')\)/g)) {
        const text = match[1]!.slice(1, -1).replace(/\$\{[^}]*\}/g, 'feld');
        expectGerman(translateEditorActionError(text), `${file}: ${match[1]}`);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(5);
  });

  it('When the raw JSON does not parse, then the editor names the place in German instead of an English parser message', () => {
    const place = (text: string) => {
      try {
        JSON.parse(text);
      } catch (error) {
        return describeJsonErrorPlace(text, error);
      }
      return 'parsed';
    };
    expect(place('{\n  "a": 1,\n  "b" 2\n}')).toBe(' (Zeile 3, Spalte 7)');
    expect(place('{ "a": [')).toMatch(/^ \((Zeile 1, Spalte 9|es endet zu früh)\)$/);
  });

  it('When real versions are compared, then every diff line is German and names fields by their title', () => {
    const before = makeDefinition();
    const after = clone(before) as unknown as { schema: Record<string, any>; title: string; version: string };
    after.version = '2.0.0';
    after.title = 'Neuer Titel';
    delete after.schema.properties.bemerkung;
    after.schema.properties.telefon = { type: 'string', maxLength: 30 };
    after.schema.properties.antragsteller.properties.vorname.maxLength = 20;
    after.schema.properties.antragsteller.properties.vorname.title = 'Rufname';
    after.schema.required = ['antragsteller', 'telefon'];
    const changes = diffDefinitions(before, after);
    expect(changes.length).toBeGreaterThan(3);
    for (const change of changes) expectGerman(translateChangeDescription(change.description), change.description);
    expect(describeLocationInGerman('/schema/properties/antragsteller/properties/vorname/maxLength', after)).toBe('Die Regel „Höchstlänge“ des Feldes „Rufname“');
    expect(describeChangeInGerman({ description: 'property "bemerkung" removed' })).toBe('Feld „bemerkung“ entfernt');
  });
});

/** The string and template literals of a TypeScript source, in order (comments and regular expressions skipped). */
function stringLiterals(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i) + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out.push(source.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '`') {
      let j = i + 1;
      let depth = 0;
      while (j < source.length) {
        if (source[j] === '\\') {
          j += 2;
          continue;
        }
        if (depth === 0 && source[j] === '`') break;
        if (source[j] === '$' && source[j + 1] === '{') {
          depth++;
          j += 2;
          continue;
        }
        if (depth > 0 && source[j] === '}') depth--;
        j++;
      }
      out.push(source.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '/' && /[=(,:!&|?]\s*$/.test(source.slice(Math.max(0, i - 5), i))) {
      let j = i + 1;
      while (j < source.length && source[j] !== '/') {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') while (j < source.length && source[j] !== ']') j++;
        j++;
      }
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../engine/checkDefinition.ts';
import { createFormValidator } from '../../engine/createFormValidator.ts';
import { importXdf, type ImportXdfResult } from '../../engine/fim/importXdf.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fimDir = path.resolve(repoRoot, '../shared/fim');
const TODAY = '2026-11-25';

type Expectation =
  | { kind: 'import'; id: string; title: string; fields: number; groups: number; rules: number; steps: number; warnings: Record<string, number> }
  | { kind: 'refused'; code: string }
  | { kind: 'codelist' }
  | { kind: 'not-xdf' };

/**
 * Every file in shared/fim and what the import does with it. XDatenfelder 1 is refused; Datenfeldgruppe
 * messages (the XDF3 fixtures) import the group's children as a form; code lists are input, not schemas.
 * Warnings are counted per code, with the code lists of shared/fim given (as `--codelists ../shared/fim`).
 */
const FILES: Record<string, Expectation> = {
  'fim_S00000036_Waffenbesitzkarte_WBK_gruen_xdf1.xml': { kind: 'refused', code: 'XDF_VERSION_UNSUPPORTED' },
  'fim_S00000121_V1.0_Antrag_Blaue_Karte_EU_xdf2.xml': {
    kind: 'import',
    id: 'antrag-blaue-karte-eu',
    title: 'Antrag auf Blaue Karte EU',
    fields: 88,
    groups: 29,
    rules: 3,
    steps: 9,
    // Geschlecht, Staatsangehörigkeit and Kanal have no list in shared/fim; Staat only in a newer version.
    warnings: { 'codelist-missing': 3, 'codelist-version-differs': 1, 'file-size-default': 8, 'array-max-default': 1 },
  },
  'gerps_S00000094V1.0_xdf2.xml': {
    kind: 'import',
    id: 'benachrichtigung-ueber-die-beschaeftigung-einer-schwangeren-oder',
    title: 'Benachrichtigung über die Beschäftigung einer schwangeren oder stillenden Frau nach § 27 (1) Mutterschutzgesetz (MuSchG)',
    fields: 44,
    groups: 16,
    rules: 13,
    steps: 0,
    warnings: {},
  },
  'gerps_S00000094_codeliste_C00000020_genericode.xml': { kind: 'codelist' },
  'gerps_S00000094_codeliste_C00000021_genericode.xml': { kind: 'codelist' },
  'gerps_S00000094_codeliste_C60000006_genericode.xml': { kind: 'codelist' },
  'gerps_S00000094_codeliste_C60000020_genericode.xml': { kind: 'codelist' },
  'xdf_flxbe_v2-data_data-field-rule.xml': { kind: 'import', id: 'test', title: 'Test', fields: 1, groups: 0, rules: 1, steps: 0, warnings: {} },
  'xdf_flxbe_v2-data_data-group-rule.xml': { kind: 'import', id: 'test', title: 'Test', fields: 0, groups: 1, rules: 1, steps: 0, warnings: {} },
  'xdf_flxbe_v2-data_select.xml': { kind: 'import', id: 'test', title: 'Test', fields: 1, groups: 0, rules: 0, steps: 0, warnings: { 'codelist-missing': 1 } },
  'xdf_flxbe_v2-data_simple.xml': { kind: 'import', id: 'test', title: 'Test', fields: 1, groups: 1, rules: 1, steps: 0, warnings: {} },
  'xdf_flxbe_v3-data_input.xml': {
    kind: 'import',
    id: 'anschrift-inland',
    title: 'Anschrift in Deutschland',
    fields: 1,
    groups: 0,
    rules: 0,
    steps: 0,
    warnings: { 'codelist-missing': 1 },
  },
  'xdf_flxbe_v3-data_simple.xml': { kind: 'import', id: 'anschrift-inland', title: 'Anschrift in Deutschland', fields: 1, groups: 1, rules: 1, steps: 0, warnings: {} },
  'fitko_fit-connect_metadata.schema.v1.0.0.json': { kind: 'not-xdf' },
  'SOURCES.md': { kind: 'not-xdf' },
};

function readCodeLists(): Record<string, string> {
  const codeLists: Record<string, string> = {};
  for (const name of readdirSync(fimDir).filter((file) => file.includes('genericode'))) {
    codeLists[name] = readFileSync(path.join(fimDir, name), 'utf8');
  }
  return codeLists;
}

const codeLists = readCodeLists();

function importFile(file: string): ImportXdfResult {
  return importXdf(readFileSync(path.join(fimDir, file), 'utf8'), { codeLists, today: TODAY });
}

// ---------------------------------------------------------------------------------------------------------------
// An independent reading of the source: fast-xml-parser in preserveOrder mode, walking struktur/enthaelt.

interface SourceElement {
  kind: 'field' | 'group';
  title: string;
  required: boolean;
  array: { minItems?: number; maxItems: number } | undefined;
}

type OrderedNode = Record<string, unknown>;
const orderedParser = new XMLParser({ preserveOrder: true, removeNSPrefix: true, parseTagValue: false, htmlEntities: true, trimValues: true });

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  return (node[tagOf(node)] as OrderedNode[] | undefined) ?? [];
}

function textOf(node: OrderedNode | undefined): string {
  if (!node) return '';
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
    .join('')
    .replace(/\r\n?/g, '\n')
    .trim();
}

function childNamed(node: OrderedNode, name: string): OrderedNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === name);
}

function sourceElements(node: OrderedNode, out: SourceElement[] = []): SourceElement[] {
  for (const structure of childrenOf(node).filter((child) => tagOf(child) === 'struktur')) {
    const [minText, maxText] = textOf(childNamed(structure, 'anzahl')).split(':');
    const min = Number(minText);
    const max = maxText === '*' ? '*' : Number(maxText);
    const contained = childNamed(structure, 'enthaelt');
    const element = contained && childrenOf(contained).find((child) => ['datenfeld', 'datenfeldgruppe'].includes(tagOf(child)));
    if (!element) continue;
    const isArray = max === '*' || max > 1;
    out.push({
      kind: tagOf(element) === 'datenfeld' ? 'field' : 'group',
      title: textOf(childNamed(element, 'bezeichnungEingabe')) || textOf(childNamed(element, 'name')),
      required: min >= 1,
      array: isArray ? { ...(min > 0 ? { minItems: min } : {}), maxItems: max === '*' ? 100 : max } : undefined,
    });
    if (tagOf(element) === 'datenfeldgruppe') sourceElements(element, out);
  }
  return out;
}

function readSource(xml: string): SourceElement[] {
  const document = orderedParser.parse(xml) as OrderedNode[];
  const message = document.find((node) => tagOf(node).startsWith('xdatenfelder.'))!;
  const top = childrenOf(message).find((child) => ['stammdatenschema', 'datenfeldgruppe'].includes(tagOf(child)))!;
  return sourceElements(top);
}

// The generated side: pre-order over the schema's properties.
type Schema = Record<string, unknown>;

function generatedElements(schema: Schema, out: SourceElement[] = []): SourceElement[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, property] of Object.entries(properties)) {
    const isArray = property.type === 'array';
    const element = isArray ? (property.items as Schema) : property;
    out.push({
      kind: element.type === 'object' ? 'group' : 'field',
      title: String(property.title),
      required: required.has(name),
      array: isArray
        ? { ...(property.minItems !== undefined ? { minItems: property.minItems as number } : {}), maxItems: property.maxItems as number }
        : undefined,
    });
    if (element.type === 'object') generatedElements(element, out);
  }
  return out;
}

/** Form data with one entry in every array, so that rjsf renders the fields inside arrays too. */
function oneOfEach(schema: Schema): unknown {
  if (schema.type === 'array') return [oneOfEach(schema.items as Schema)];
  if (schema.type !== 'object') return undefined;
  const data: Record<string, unknown> = {};
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    const value = oneOfEach(property);
    if (value !== undefined) data[name] = value;
  }
  return data;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

const rjsfValidator = customizeValidator({ AjvClass: Ajv2020 });

function renderForm(schema: Schema, uiSchema: Schema): string {
  return renderToString(createElement(Form, { schema, uiSchema, validator: rjsfValidator, formData: oneOfEach(schema) }));
}

function countWarnings(result: Extract<ImportXdfResult, { ok: true }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const warning of result.warnings) counts[warning.code] = (counts[warning.code] ?? 0) + 1;
  return counts;
}

describe('importXdf on the real files in shared/fim', () => {
  it('has an expectation for every file in shared/fim', () => {
    expect(readdirSync(fimDir).sort()).toEqual(Object.keys(FILES).sort());
  });

  const imports = Object.entries(FILES).filter(
    (entry): entry is [string, Extract<Expectation, { kind: 'import' }>] => entry[1].kind === 'import',
  );

  describe.each(imports)('%s', (file, expected) => {
    const xml = readFileSync(path.join(fimDir, file), 'utf8');
    const result = importFile(file);
    if (!result.ok) throw new Error(`${file} did not import: ${result.code} ${result.message}`);
    const { definition } = result;

    it('imports as a draft with id, title, version 0.1.0, Kreis lead and the source schema', () => {
      expect(definition).toMatchObject({
        id: expected.id,
        title: expected.title,
        version: '0.1.0',
        lead: { kind: 'kreis' },
        retentionDays: 365,
        changelog: { date: TODAY },
        source: { kind: 'fim-xdf' },
      });
      expect(definition.changelog.summary).toMatch(/^Import aus FIM-/);
      expect(definition.source?.rules).toHaveLength(expected.rules);
    });

    it('passes checkDefinition (meta-schema and safe-schema rules)', () => {
      expect(checkDefinition(definition)).toEqual([]);
    });

    it('has as many fields and groups as the source, in order, with titles, required and array bounds', () => {
      const source = readSource(xml);
      const generated = generatedElements(definition.schema as Schema);
      expect(source.filter((element) => element.kind === 'field')).toHaveLength(expected.fields);
      expect(source.filter((element) => element.kind === 'group')).toHaveLength(expected.groups);
      expect(generated).toEqual(source);
      expect(result.stats).toMatchObject({ fields: expected.fields, groups: expected.groups, rules: expected.rules });
    });

    it('reports the expected warnings', () => {
      expect(countWarnings(result)).toEqual(expected.warnings);
    });

    it(`has ${expected.steps} steps, covering every top-level property once`, () => {
      const steps = definition.steps ?? [];
      expect(steps).toHaveLength(expected.steps);
      if (steps.length > 0) {
        expect(steps.flatMap((step) => step.properties)).toEqual(Object.keys(definition.schema.properties));
      }
    });

    it('renders with rjsf, showing every field and group title', () => {
      const html = renderForm(definition.schema as Schema, definition.uiSchema as Schema);
      const missing = generatedElements(definition.schema as Schema)
        .map((element) => element.title)
        .filter((title) => !html.includes(escapeHtml(title)));
      expect(missing).toEqual([]);
    });
  });

  it.each(Object.entries(FILES).filter(([, expected]) => expected.kind === 'refused'))('refuses %s with a clear message', (file, expected) => {
    const result = importFile(file);
    expect(result).toMatchObject({ ok: false, code: (expected as { code: string }).code });
    if (!result.ok) expect(result.message).toMatch(/XDatenfelder 1 is not supported/);
  });

  it.each(Object.entries(FILES).filter(([, expected]) => expected.kind === 'codelist'))('does not take the code list %s for a schema', (file) => {
    expect(importFile(file)).toMatchObject({ ok: false, code: 'XDF_NOT_XDATENFELDER' });
  });

  it('When the code lists are given, then the selects of S00000094 offer their values', () => {
    const result = importFile('gerps_S00000094V1.0_xdf2.xml');
    if (!result.ok) throw new Error(result.message);
    const employment = result.definition.schema.properties.beschaeftigungsverhaeltnisFrau as Schema;
    expect(employment.oneOf).toHaveLength(9);
    expect((employment.oneOf as Schema[])[0]).toEqual({ const: '001', title: 'Arbeitnehmerin' });
    const html = renderForm(result.definition.schema as Schema, result.definition.uiSchema as Schema);
    expect(html).toContain('Sonstiges Beschäftigungsverhältnis');
    expect(html).toContain('Albanien');
  });

  it('When no code lists are given, then each select becomes free text with a warning', () => {
    const result = importXdf(readFileSync(path.join(fimDir, 'gerps_S00000094V1.0_xdf2.xml'), 'utf8'), { today: TODAY });
    if (!result.ok) throw new Error(result.message);
    const missing = result.warnings.filter((warning) => warning.code === 'codelist-missing').map((warning) => warning.elementId);
    expect(missing.sort()).toEqual(['F00000462', 'F00000463', 'F60000261', 'F60000263']);
    expect(result.definition.schema.properties.beschaeftigungsverhaeltnisFrau).toMatchObject({ type: 'string', maxLength: 1000 });
    expect(checkDefinition(result.definition)).toEqual([]);
  });

  it('When a citizen submits the imported S00000094 form, then the engine validator checks required fields and patterns', () => {
    const result = importFile('gerps_S00000094V1.0_xdf2.xml');
    if (!result.ok) throw new Error(result.message);
    const validator = createFormValidator();
    const empty = validator.validate(result.definition, {});
    expect(empty.valid).toBe(false);
    expect(empty.errors.map((error) => error.pointer)).toContain('/beschaeftigungsverhaeltnisFrau');
    const employer = result.definition.schema.properties.arbeitgeberJuristischePerson as Schema;
    const address = (employer.properties as Record<string, Schema>).anschriftInland!;
    const street = (address.properties as Record<string, Schema>).anschriftInlandStrassenanschrift!;
    expect((street.properties as Record<string, Schema>).postleitzahl).toMatchObject({ pattern: '^(?:([0]{1}[1-9]{1}|[1-9]{1}[0-9]{1})[0-9]{3})$', maxLength: 5 });
  });

  it('writes the Blaue Karte draft to a temp dir as an example (never into forms/)', () => {
    const result = importFile('fim_S00000121_V1.0_Antrag_Blaue_Karte_EU_xdf2.xml');
    if (!result.ok) throw new Error(result.message);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'kreisform-fim-')), `${result.definition.id}.json`);
    writeFileSync(out, JSON.stringify(result.definition, null, 2));
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(result.definition);
  });
});

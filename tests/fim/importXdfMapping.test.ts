import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../engine/checkDefinition.ts';
import { createFormValidator } from '../../engine/createFormValidator.ts';
import { importXdf, type ImportXdfResult } from '../../engine/fim/importXdf.ts';
import { buildFieldSchemaXml, buildGroupMessageXml, buildSchemaXml, type FieldSpec } from './buildXdf.ts';

const TODAY = '2026-11-25';
type Schema = Record<string, unknown>;

function imported(xml: string, codeLists: Record<string, string> = {}): Extract<ImportXdfResult, { ok: true }> {
  const result = importXdf(xml, { today: TODAY, codeLists });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  expect(checkDefinition(result.definition)).toEqual([]);
  return result;
}

function onlyProperty(result: Extract<ImportXdfResult, { ok: true }>): Schema {
  const [property] = Object.values(result.definition.schema.properties);
  return property as Schema;
}

const CODE_LIST = `<?xml version="1.0" encoding="UTF-8"?>
<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
  <Identification><ShortName>Farbe</ShortName><Version>2024-01-01</Version>
    <CanonicalUri>urn:test:farbe</CanonicalUri><CanonicalVersionUri>urn:test:farbe_2024-01-01</CanonicalVersionUri></Identification>
  <ColumnSet>
    <Column Id="code" Use="required"><ShortName>Code</ShortName></Column>
    <Column Id="name" Use="required"><ShortName>Name</ShortName></Column>
    <Key Id="codeKey"><ShortName>CodeKey</ShortName><ColumnRef Ref="code"/></Key>
  </ColumnSet>
  <SimpleCodeList>
    <Row><Value ColumnRef="code"><SimpleValue>01</SimpleValue></Value><Value ColumnRef="name"><SimpleValue>Rot</SimpleValue></Value></Row>
    <Row><Value ColumnRef="code"><SimpleValue>02</SimpleValue></Value><Value ColumnRef="name"><SimpleValue>Grün</SimpleValue></Value></Row>
    <Row><Value ColumnRef="code"><SimpleValue>02</SimpleValue></Value><Value ColumnRef="name"><SimpleValue>Grün doppelt</SimpleValue></Value></Row>
  </SimpleCodeList>
</gc:CodeList>`;

type FieldCase = [
  description: string,
  field: Omit<FieldSpec, 'kind' | 'id' | 'name'>,
  expected: Schema,
  warnings: string[],
  ui?: Schema,
];

const FIELD_CASES: FieldCase[] = [
  ['text with lengths and pattern', { praezisierung: { minLength: '2', maxLength: '40', pattern: '[0-9]+' } }, { type: 'string', minLength: 2, maxLength: 40, pattern: '^(?:[0-9]+)$' }, []],
  ['text without praezisierung gets the default maxLength', {}, { type: 'string', maxLength: 1000 }, []],
  ['text_latin like text', { datentyp: 'text_latin', praezisierung: { maxLength: '70' } }, { type: 'string', maxLength: 70 }, []],
  ['outer anchors of a pattern are not doubled', { praezisierung: { maxLength: '9', pattern: '^[A-Z]+$' } }, { type: 'string', maxLength: 9, pattern: '^(?:[A-Z]+)$' }, []],
  ['an escaped dollar at the end stays', { praezisierung: { maxLength: '9', pattern: '[0-9]+\\$' } }, { type: 'string', maxLength: 9, pattern: '^(?:[0-9]+\\$)$' }, []],
  ['alternatives are anchored as a whole', { praezisierung: { maxLength: '9', pattern: 'ja|nein' } }, { type: 'string', maxLength: 9, pattern: '^(?:ja|nein)$' }, []],
  ['date', { datentyp: 'date' }, { type: 'string', format: 'date', maxLength: 10 }, []],
  ['time as a wall-clock pattern with the time widget', { datentyp: 'time' }, { type: 'string', pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$', maxLength: 8 }, [], { 'ui:widget': 'time' }],
  ['datetime', { datentyp: 'datetime' }, { type: 'string', format: 'date-time', maxLength: 40 }, []],
  ['date with a value range keeps the date, warns', { datentyp: 'date', praezisierung: { minValue: '2020-01-01' } }, { type: 'string', format: 'date' }, ['value-range-ignored']],
  [
    'bool as Ja/Nein radio buttons',
    { datentyp: 'bool' },
    { type: 'boolean', oneOf: [{ const: true, title: 'Ja' }, { const: false, title: 'Nein' }] },
    [],
    { 'ui:widget': 'radio' },
  ],
  ['num with a value range', { datentyp: 'num', praezisierung: { minValue: '0', maxValue: '2,5' } }, { type: 'number', minimum: 0, maximum: 2.5 }, []],
  ['num_int', { datentyp: 'num_int', praezisierung: { minValue: '1850', maxValue: '2080' } }, { type: 'integer', minimum: 1850, maximum: 2080 }, []],
  ['num_currency', { datentyp: 'num_currency' }, { type: 'number', multipleOf: 0.01 }, []],
  ['num with a non-numeric bound warns', { datentyp: 'num', praezisierung: { maxValue: 'viel' } }, { type: 'number' }, ['praezisierung-invalid']],
  [
    'file without size: default limit, PDF/JPEG/PNG',
    { datentyp: 'file' },
    { type: 'string', format: 'data-url', maxLength: 6991020, pattern: '^data:(?:application/pdf|image/jpeg|image/png);name=[^;,]+;base64,' },
    ['file-size-default'],
    { 'ui:options': { accept: 'application/pdf,image/jpeg,image/png' } },
  ],
  [
    'obj like file, with XDF3 media types and size',
    { datentyp: 'obj', mediaTypes: ['application/pdf', 'image/*'], maxSize: '100' },
    { type: 'string', format: 'data-url', maxLength: 137048, pattern: '^data:(?:application/pdf|image/[a-z0-9!#$&^_.+-]+);name=[^;,]+;base64,' },
    [],
    { 'ui:options': { accept: 'application/pdf,image/*' } },
  ],
  [
    'select with a matching code list',
    { feldart: 'select', codeList: { id: 'C99000001', uri: 'urn:test:farbe', version: '2024-01-01' } },
    { type: 'string', maxLength: 2, oneOf: [{ const: '01', title: 'Rot' }, { const: '02', title: 'Grün' }] },
    ['codelist-duplicate-code'],
  ],
  [
    'select with another version of the list: used, with a warning',
    { feldart: 'select', codeList: { id: 'C99000002', uri: 'urn:test:farbe', version: '2019-01-01' } },
    { type: 'string', oneOf: [{ const: '01', title: 'Rot' }, { const: '02', title: 'Grün' }] },
    ['codelist-version-differs', 'codelist-duplicate-code'],
  ],
  ['select with an unknown code list: free text', { feldart: 'select', codeList: { id: 'C99000003', uri: 'urn:test:unbekannt', version: '1' } }, { type: 'string', maxLength: 1000 }, ['codelist-missing']],
  ['select with inline values (XDF3 werte)', { feldart: 'select', values: [{ code: 'j', name: 'Ja' }, { code: 'n', name: 'Nein' }] }, { type: 'string', maxLength: 1, oneOf: [{ const: 'j', title: 'Ja' }, { const: 'n', title: 'Nein' }] }, []],
  ['hidden field: nobody can fill it, so it is not required', { feldart: 'hidden' }, { type: 'string' }, ['required-dropped'], { 'ui:widget': 'hidden' }],
  ['select with a listed code as content preselects it', { feldart: 'select', values: [{ code: 'j', name: 'Ja' }, { code: 'n', name: 'Nein' }], inhalt: 'n' }, { default: 'n' }, []],
  ['select with an unlisted code as content', { feldart: 'select', values: [{ code: 'j', name: 'Ja' }], inhalt: 'x' }, { oneOf: [{ const: 'j', title: 'Ja' }] }, ['default-ignored']],
  ['locked field with content as default', { feldart: 'locked', inhalt: 'fest' }, { type: 'string', default: 'fest' }, [], { 'ui:readonly': true }],
  ['content that does not fit the type is not a default', { datentyp: 'num_int', inhalt: 'zwölf' }, { type: 'integer' }, ['default-ignored']],
  ['unknown data type: text with a warning', { datentyp: 'farbe' }, { type: 'string', maxLength: 1000 }, ['datatype-unknown']],
  ['invalid pattern is left out', { praezisierung: { maxLength: '5', pattern: '[a-' } }, { type: 'string', maxLength: 5 }, ['pattern-invalid']],
  ['maxLength below minLength drops minLength', { praezisierung: { minLength: '9', maxLength: '3' } }, { type: 'string', maxLength: 3 }, ['praezisierung-invalid']],
  ['non-numeric length is ignored', { praezisierung: { maxLength: 'zehn' } }, { type: 'string', maxLength: 1000 }, ['praezisierung-invalid']],
  ['help text becomes ui:help', { help: 'Geben Sie die Straße an.' }, { type: 'string' }, [], { 'ui:help': 'Geben Sie die Straße an.' }],
];

describe.each([2, 3] as const)('field mapping in XDatenfelder %i', (dialect) => {
  it.each(FIELD_CASES)('%s', (_description, field, expected, warnings, ui) => {
    const result = imported(buildFieldSchemaXml(field, dialect), { 'farbe_C99000001_genericode.xml': CODE_LIST });
    const property = onlyProperty(result);
    expect(property).toMatchObject({ title: 'Testfeld', $comment: expect.stringMatching(/^FIM F99000001 1\.0/), ...expected });
    if (!('minLength' in expected)) expect(property).not.toHaveProperty('minLength');
    if (!('pattern' in expected)) expect(property).not.toHaveProperty('pattern');
    expect(result.warnings.map((warning) => warning.code)).toEqual(warnings);
    expect(result.definition.uiSchema.testfeld).toEqual(ui);
    expect(result.definition.schema.required ?? []).toEqual(warnings.includes('required-dropped') ? [] : ['testfeld']);
  });
});

describe('currency amounts', () => {
  it('When Ajv runs with multipleOfPrecision, then cent amounts pass and fractions of a cent fail', () => {
    // Binary floats make 19.99 / 0.01 = 1998.9999999999998: without multipleOfPrecision Ajv rejects 19.99.
    const property = onlyProperty(imported(buildFieldSchemaXml({ datentyp: 'num_currency' })));
    const validate = new Ajv2020({ multipleOfPrecision: 9 }).compile({ type: property.type, multipleOf: property.multipleOf });
    expect([19.99, 1234.07, 0.07, 100].map((amount) => validate(amount))).toEqual([true, true, true, true]);
    expect([19.995, 0.001].map((amount) => validate(amount))).toEqual([false, false]);
  });
});

describe('time fields', () => {
  it('When a citizen enters a time as the browser gives it, then the engine validator accepts it', () => {
    const result = imported(buildFieldSchemaXml({ datentyp: 'time' }));
    const validator = createFormValidator();
    expect(['14:30', '14:30:00', '00:00'].map((time) => validator.validate(result.definition, { testfeld: time }).valid)).toEqual([true, true, true]);
    expect(['24:00', '9:30', '14:30:00Z'].map((time) => validator.validate(result.definition, { testfeld: time }).valid)).toEqual([false, false, false]);
  });
});

describe('field mapping of XDatenfelder 2 only', () => {
  it('When the praezisierung is not JSON, then it is ignored with a warning', () => {
    const result = imported(buildFieldSchemaXml({ rawPraezisierung: 'minLength=1' }));
    expect(onlyProperty(result)).toMatchObject({ type: 'string', maxLength: 1000 });
    expect(result.warnings.map((warning) => warning.code)).toEqual(['praezisierung-invalid']);
  });

  it('When a label field (static text) occurs, then it is left out and reported', () => {
    const result = imported(buildFieldSchemaXml({ feldart: 'label', inhalt: 'Bitte beachten Sie die Hinweise.' }));
    expect(result.definition.schema.properties).toEqual({});
    expect(result.stats).toMatchObject({ fields: 0, labels: 1 });
    expect(result.warnings).toEqual([{ code: 'label-skipped', elementId: 'F99000001', message: expect.stringContaining('Bitte beachten') }]);
  });

  it('When the code list is matched by its kennung in the file name only, then it is used', () => {
    const result = imported(
      buildFieldSchemaXml({ feldart: 'select', codeList: { id: 'C99000001', uri: '', version: '' } }),
      { 'C99000001.xml': CODE_LIST, 'other_C990000011.xml': '<kaputt' },
    );
    expect(onlyProperty(result).oneOf).toHaveLength(2);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['codelist-unreadable', 'codelist-duplicate-code']);
  });
});

type CardinalityCase = [anzahl: string, required: boolean, shape: Schema, warnings: string[]];

const CARDINALITY_CASES: CardinalityCase[] = [
  ['1:1', true, { type: 'string' }, []],
  ['0:1', false, { type: 'string' }, []],
  ['0:3', false, { type: 'array', maxItems: 3, items: { type: 'string', title: 'Testfeld' } }, []],
  ['2:5', true, { type: 'array', minItems: 2, maxItems: 5 }, []],
  ['1:*', true, { type: 'array', minItems: 1, maxItems: 100 }, ['array-max-default']],
  ['0:*', false, { type: 'array', maxItems: 100 }, ['array-max-default']],
  ['viele', false, { type: 'string' }, ['cardinality-invalid']],
  ['3:2', false, { type: 'string' }, ['cardinality-invalid']],
];

describe('cardinalities', () => {
  it.each(CARDINALITY_CASES)('anzahl %s', (anzahl, required, shape, warnings) => {
    const result = imported(buildFieldSchemaXml({ anzahl }));
    expect(onlyProperty(result)).toMatchObject({ title: 'Testfeld', ...shape });
    expect(result.definition.schema.required ?? []).toEqual(required ? ['testfeld'] : []);
    expect(result.warnings.map((warning) => warning.code)).toEqual(warnings);
  });

  it('When a repeated group has help, then the uiSchema applies to its items', () => {
    const xml = buildSchemaXml({
      id: 'S99000002',
      version: '1.0',
      name: 'Mehrfach',
      children: [{ kind: 'group', id: 'G99000001', name: 'Kind', anzahl: '0:4', children: [{ kind: 'field', id: 'F1', name: 'Vorname', help: 'Rufname' }] }],
    });
    const result = imported(xml);
    expect(result.definition.schema.properties.kind).toMatchObject({ type: 'array', maxItems: 4, items: { type: 'object', additionalProperties: false } });
    expect(result.definition.uiSchema).toEqual({ kind: { items: { vorname: { 'ui:help': 'Rufname' } } } });
  });
});

describe('definition metadata', () => {
  const children = ['Antragsteller', 'Anschrift', 'Kinder', 'Einkommen', 'Erklärung'].map((name, index) => ({
    kind: 'group' as const,
    id: `G9900000${index}`,
    name,
    children: [{ kind: 'field' as const, id: `F9900000${index}`, name: 'Ort' }],
  }));

  it('When a schema has more than 3 top-level groups, then each group gets a step and stray fields join the step before', () => {
    const xml = buildSchemaXml({
      id: 'S99000003',
      version: '2.1',
      name: 'Antrag auf Wohngeld',
      label: 'Antrag auf Wohngeld (Mietzuschuss)',
      beschreibung: 'Wohngeld ist ein Zuschuss zur Miete.',
      bezug: '§ 1 WoGG',
      rules: [
        { id: 'R99000001', name: 'Pflicht bei Kindern', definition: 'Wenn G99000002 befüllt ist, dann ...', script: 'function script() {}' },
        { id: 'R99000002', name: 'Skriptregel', definition: 'Prüft das Einkommen.', script: 'return x > 0;' },
      ],
      children: [{ kind: 'field', id: 'F99000010', name: 'Aktenzeichen' }, ...children.slice(0, 2), { kind: 'field', id: 'F99000011', name: 'Hinweis' }, ...children.slice(2)],
    });
    const { definition } = imported(xml);
    expect(definition).toMatchObject({
      id: 'antrag-auf-wohngeld',
      version: '0.1.0',
      title: 'Antrag auf Wohngeld (Mietzuschuss)',
      description: 'Wohngeld ist ein Zuschuss zur Miete.',
      legalBasis: '§ 1 WoGG',
      lead: { kind: 'kreis' },
      retentionDays: 365,
      changelog: { date: TODAY, summary: 'Import aus FIM-Stammdatenschema S99000003 Version 2.1 „Antrag auf Wohngeld“ (Entwurf, XDatenfelder 2).' },
      source: {
        kind: 'fim-xdf',
        schemaId: 'S99000003',
        schemaVersion: '2.1',
        rules: [
          { id: 'R99000001 1.0', name: 'Pflicht bei Kindern', text: 'Wenn G99000002 befüllt ist, dann ...' },
          { id: 'R99000002 1.0', name: 'Skriptregel', text: 'Prüft das Einkommen.\n\nSkript:\nreturn x > 0;' },
        ],
      },
    });
    expect(definition.steps).toEqual([
      { title: 'Allgemeine Angaben', properties: ['aktenzeichen'] },
      { title: 'Antragsteller', properties: ['antragsteller'] },
      { title: 'Anschrift', properties: ['anschrift', 'hinweis'] },
      { title: 'Kinder', properties: ['kinder'] },
      { title: 'Einkommen', properties: ['einkommen'] },
      { title: 'Erklärung', properties: ['erklaerung'] },
    ]);
  });

  it('When a schema has no description, then a German sentence names the FIM schema', () => {
    const { definition } = imported(buildSchemaXml({ id: 'S99000004', version: '1.0', name: 'Hundesteuer', children: children.slice(0, 3) }));
    expect(definition.description).toBe('Entwurf aus dem FIM-Stammdatenschema S99000004 Version 1.0 „Hundesteuer“.');
    expect(definition).not.toHaveProperty('steps');
    expect(definition).not.toHaveProperty('legalBasis');
  });

  it('When names repeat or have no letters, then property names stay unique and valid', () => {
    const xml = buildSchemaXml({
      id: 'S99000005',
      version: '1.0',
      name: 'Namen',
      children: [
        { kind: 'field', id: 'F1', name: 'Ort' },
        { kind: 'field', id: 'F2', name: 'Ort' },
        { kind: 'field', id: 'F3', name: 'Ort (Inland)' },
        { kind: 'field', id: 'F60000004', name: '§§ --' },
        { kind: 'field', id: 'F5', name: '1. Wohnsitz' },
        { kind: 'field', id: 'F6', name: 'constructor' },
      ],
    });
    expect(Object.keys(imported(xml).definition.schema.properties)).toEqual(['ort', 'ort2', 'ort3', 'f60000004', 'f1Wohnsitz', 'constructor2']);
  });

  it('When an XDatenfelder 3 Stammdatenschema is imported, then bezeichnung, attributes and freitextRegel are read', () => {
    const xml = buildSchemaXml(
      {
        id: 'S60000000099',
        version: '1.2.0',
        name: 'Anzeige Baumfällung',
        label: 'Anzeige einer Baumfällung',
        rules: [{ id: 'R60000000001', name: 'Regel', definition: 'Mindestens ein Baum.' }],
        children: [{ kind: 'group', id: 'G60000000001', name: 'Baum', anzahl: '1:*', children: [{ kind: 'field', id: 'F60000000001', name: 'Art', praezisierung: { maxLength: '80' } }] }],
      },
      3,
    );
    const result = imported(xml);
    expect(result.definition).toMatchObject({
      id: 'anzeige-baumfaellung',
      title: 'Anzeige einer Baumfällung',
      source: { schemaId: 'S60000000099', schemaVersion: '1.2.0', rules: [{ id: 'R60000000001 1.0', text: 'Mindestens ein Baum.' }] },
      schema: { properties: { baum: { type: 'array', minItems: 1, items: { properties: { art: { maxLength: 80 } } } } } },
    });
  });

  it('When a Datenfeldgruppe message is imported, then the group is the form and its children the properties', () => {
    const xml = buildGroupMessageXml({
      kind: 'group',
      id: 'G60000000088',
      name: 'Anschrift Inland',
      label: 'Anschrift in Deutschland',
      help: 'Ihre Anschrift',
      children: [{ kind: 'field', id: 'F60000000243', name: 'Straße' }],
    });
    const result = imported(xml);
    expect(result.definition).toMatchObject({ id: 'anschrift-inland', title: 'Anschrift in Deutschland', source: { schemaId: 'G60000000088' } });
    expect(result.definition.changelog.summary).toMatch(/^Import aus FIM-Datenfeldgruppe G60000000088/);
    expect(Object.keys(result.definition.schema.properties)).toEqual(['strasse']);
  });

  it('When a Datenfeld message is imported, then the field is the only property', () => {
    const fieldXml = buildFieldSchemaXml({ name: 'Familienname' }, 3).match(/<xdf:datenfeld>.*<\/xdf:datenfeld>/)![0];
    const xml = `<xdf:xdatenfelder.datenfeld.0104 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">${fieldXml}</xdf:xdatenfelder.datenfeld.0104>`;
    const result = imported(xml);
    expect(result.definition.schema).toMatchObject({ properties: { familienname: { type: 'string' } }, required: ['familienname'] });
  });
});

type RefusalCase = [description: string, xml: string, code: string];

const REFUSALS: RefusalCase[] = [
  ['not XML', 'Dies ist kein XML', 'XDF_NOT_XML'],
  ['broken XML', '<xdf:a xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2"><b></xdf:a>', 'XDF_NOT_XML'],
  ['another XML vocabulary', '<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/"/>', 'XDF_NOT_XDATENFELDER'],
  ['XDatenfelder 1', '<xdf:xdatenfelder.stammdatenschema.0102001 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_1"/>', 'XDF_VERSION_UNSUPPORTED'],
  ['an XDatenfelder message without schema, group or field', '<xdf:xdatenfelder.dokumentsteckbrief.0101 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0"><xdf:dokumentsteckbrief/></xdf:xdatenfelder.dokumentsteckbrief.0101>', 'XDF_MESSAGE_UNSUPPORTED'],
];

describe('refusals', () => {
  it.each(REFUSALS)('When the input is %s, then the import is refused', (_description, xml, code) => {
    const result = importXdf(xml);
    expect(result).toMatchObject({ ok: false, code, message: expect.any(String) });
  });
});

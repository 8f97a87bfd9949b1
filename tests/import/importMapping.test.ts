import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../engine/checkDefinition.ts';
import { detectFormKind } from '../../engine/import/detectFormKind.ts';
import { importForeignForm, type ImportReportEntry } from '../../engine/import/importForeignForm.ts';
import { parseSurveyCondition } from '../../engine/import/convertSurveyjs.ts';

type Json = Record<string, unknown>;

function imported(source: unknown, options: Parameters<typeof importForeignForm>[1] = {}) {
  const result = importForeignForm(source, { today: '2026-12-07', ...options });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  expect(checkDefinition(result.definition)).toEqual([]);
  return { schema: result.definition.schema as Json, definition: result.definition, report: result.report, codes: result.report.map((entry) => entry.code) };
}

function entry(report: readonly ImportReportEntry[], code: string, path?: string): ImportReportEntry | undefined {
  return report.find((item) => item.code === code && (path === undefined || item.path === path));
}

const props = (schema: Json): Record<string, Json> => schema.properties as Record<string, Json>;

describe('detectFormKind', () => {
  it.each([
    ['Form.io', { components: [{ type: 'textfield', key: 'a' }] }, 'formio'],
    ['SurveyJS pages', { pages: [{ elements: [] }] }, 'surveyjs'],
    ['SurveyJS elements', { elements: [{ type: 'text', name: 'a' }] }, 'surveyjs'],
    ['SurveyJS questions', { questions: [{ type: 'text', name: 'a' }] }, 'surveyjs'],
    ['DigiWF', { key: 'k', schema: { type: 'object', 'x-display': 'stepper', allOf: [] } }, 'digiwf'],
    ['rjsf', { schema: { type: 'object', properties: {} }, uiSchema: {} }, 'jsonschema'],
    ['JSON Forms', { schema: { type: 'object', properties: {} }, uischema: { type: 'VerticalLayout', elements: [] } }, 'jsonschema'],
    ['bare JSON Schema', { type: 'object', properties: { a: { type: 'string' } } }, 'jsonschema'],
    ['an array', [1, 2], undefined],
    ['a string schema', { type: 'string' }, undefined],
  ])('When given %s, then it detects %s', (_name, source, kind) => {
    expect(detectFormKind(source)).toBe(kind);
  });
});

describe('normalising a JSON Schema', () => {
  it.each([
    ['a free text gets 200 characters', { a: { type: 'string' } }, {}, 'a', { maxLength: 200 }, 'max-length-added'],
    ['a textarea gets 2000 characters', { a: { type: 'string' } }, { a: { 'ui:widget': 'textarea' } }, 'a', { maxLength: 2000 }, 'max-length-added'],
    ['an e-mail gets 254 characters', { a: { type: 'string', format: 'email' } }, {}, 'a', { maxLength: 254 }, 'max-length-added'],
    ['a pattern gets a length', { a: { type: 'string', pattern: '^[0-9]{5}$' } }, {}, 'a', { maxLength: 200, pattern: '^[0-9]{5}$' }, 'max-length-added'],
    ['a given length stays', { a: { type: 'string', maxLength: 12 } }, {}, 'a', { maxLength: 12 }, undefined],
    ['a choice needs no length', { a: { type: 'string', enum: ['x', 'y'] } }, {}, 'a', { enum: ['x', 'y'] }, undefined],
    ['a list gets 50 entries', { a: { type: 'array', items: { type: 'integer' } } }, {}, 'a', { maxItems: 50 }, 'max-items-added'],
    ['unique items get a limit', { a: { type: 'array', uniqueItems: true, items: { type: 'integer' } } }, {}, 'a', { maxItems: 50, uniqueItems: true }, 'max-items-added'],
    ['a nested object is closed', { a: { type: 'object', properties: { b: { type: 'integer' } } } }, {}, 'a', { additionalProperties: false }, 'object-closed'],
    ['free extra fields are closed', { a: { type: 'object', properties: {}, additionalProperties: { type: 'string' } } }, {}, 'a', { additionalProperties: false }, 'additional-properties-closed'],
    ['an unknown format is dropped', { a: { type: 'string', format: 'color' } }, {}, 'a', { type: 'string', maxLength: 200 }, 'format-dropped'],
    ['a missing type is inferred', { a: { minLength: 2 } }, {}, 'a', { type: 'string', minLength: 2, maxLength: 200 }, 'type-inferred'],
    ['enumNames become oneOf', { a: { type: 'string', enum: ['m', 'w'], enumNames: ['männlich', 'weiblich'] } }, {}, 'a', { oneOf: [{ const: 'm', title: 'männlich' }, { const: 'w', title: 'weiblich' }] }, 'choices-converted'],
    ['anyOf of constants becomes oneOf', { a: { type: 'string', anyOf: [{ const: 'x', title: 'X' }, { const: 'y', title: 'Y' }] } }, {}, 'a', { oneOf: [{ const: 'x', title: 'X' }, { const: 'y', title: 'Y' }] }, 'choices-converted'],
    ['draft-4 exclusive bounds become numbers', { a: { type: 'number', minimum: 0, exclusiveMinimum: true } }, {}, 'a', { exclusiveMinimum: 0 }, 'keyword-dropped'],
    ['vendor keywords are dropped', { a: { type: 'integer', 'x-extra': 1 } }, {}, 'a', { type: 'integer' }, 'keyword-dropped'],
  ])('When %s, then the property is changed and the change reported', (_name, properties, uiSchema, name, expected, code) => {
    const { schema, codes } = imported({ schema: { type: 'object', properties }, uiSchema });
    expect(props(schema)[name]).toMatchObject(expected);
    if (code) expect(codes).toContain(code);
    expect(props(schema)[name]).not.toHaveProperty('x-extra');
    expect(props(schema)[name]).not.toHaveProperty('enumNames');
  });

  it('When the root is open, then it is closed and the change reported at the root', () => {
    const { schema, report } = imported({ type: 'object', properties: { a: { type: 'integer' } } });
    expect(schema.additionalProperties).toBe(false);
    expect(entry(report, 'object-closed', '')).toBeDefined();
  });

  it('When dependencies list names and schemas, then they become dependentRequired and dependentSchemas', () => {
    const { schema, report } = imported({
      type: 'object',
      properties: { karte: { type: 'number' }, adresse: { type: 'string' } },
      dependencies: { karte: ['adresse'], adresse: { properties: { plz: { type: 'string', maxLength: 5 } }, required: ['plz'] } },
    });
    expect(schema.dependentRequired).toEqual({ karte: ['adresse'] });
    expect(schema.dependentSchemas).toEqual({ adresse: { properties: { plz: { type: 'string', maxLength: 5 } }, required: ['plz'] } });
    expect(props(schema).plz).toMatchObject({ type: 'string', maxLength: 5 });
    expect(entry(report, 'dependencies-converted', '/dependencies')).toBeDefined();
    expect(entry(report, 'branch-property-declared', '/properties/plz')).toBeDefined();
  });

  it('When a property is only named in if/then, then it is declared in the object and the branches stay open', () => {
    const { schema } = imported({
      type: 'object',
      properties: { art: { type: 'string', enum: ['a', 'b'] } },
      if: { properties: { art: { const: 'a' } } },
      then: { type: 'object', properties: { grund: { type: 'string' } }, required: ['grund'] },
    });
    expect(props(schema).grund).toMatchObject({ type: 'string', maxLength: 200 });
    expect(schema.then).toEqual({ properties: { grund: { type: 'string', maxLength: 200 } }, required: ['grund'] });
  });

  it('When a local $ref is used, then its target is inlined with the sibling keywords and the definitions removed', () => {
    const { schema, report } = imported({
      type: 'object',
      definitions: { adresse: { type: 'object', properties: { ort: { type: 'string' } }, required: ['ort'] } },
      properties: { wohnsitz: { title: 'Wohnsitz', $ref: '#/definitions/adresse' } },
    });
    expect(schema).not.toHaveProperty('definitions');
    expect(props(schema).wohnsitz).toEqual({
      title: 'Wohnsitz',
      type: 'object',
      required: ['ort'],
      properties: { ort: { type: 'string', maxLength: 200 } },
      additionalProperties: false,
    });
    expect(entry(report, 'ref-inlined', '/properties/wohnsitz/$ref')).toBeDefined();
  });

  it('When a $ref is circular, then the import is refused with the path of the reference', () => {
    const result = importForeignForm({
      type: 'object',
      $defs: { knoten: { type: 'object', properties: { kinder: { type: 'array', items: { $ref: '#/$defs/knoten' } } } } },
      properties: { baum: { $ref: '#/$defs/knoten' } },
    });
    expect(result).toMatchObject({ ok: false, code: 'IMPORT_CIRCULAR_REF', path: '/properties/baum/properties/kinder/items/$ref' });
    expect(!result.ok && result.message).toContain('zirkulär');
  });

  it('When a $ref points outside the file, then it is dropped and reported', () => {
    const { schema, report } = imported({ type: 'object', properties: { a: { $ref: 'https://example.org/a.json', type: 'string' } } });
    expect(props(schema).a).toEqual({ type: 'string', maxLength: 200 });
    expect(entry(report, 'ref-remote-dropped', '/properties/a/$ref')).toBeDefined();
  });

  it('When required names an undeclared property, then it is removed from required and reported', () => {
    const { schema, report } = imported({ type: 'object', properties: { a: { type: 'integer' } }, required: ['a', 'b'] });
    expect(schema.required).toEqual(['a']);
    expect(entry(report, 'required-unknown-dropped', '/required')).toBeDefined();
  });

  it('When the title and description of the root are German, then they become the definition title and description', () => {
    const { definition, schema } = imported({ title: 'Antrag auf Sondernutzung', description: 'Bitte füllen Sie alle Felder aus.', type: 'object', properties: {} });
    expect(definition).toMatchObject({ id: 'antrag-auf-sondernutzung', title: 'Antrag auf Sondernutzung', description: 'Bitte füllen Sie alle Felder aus.', version: '0.1.0', source: { kind: 'jsonschema' } });
    expect(schema).not.toHaveProperty('title');
  });

  it('When the form names itself nowhere, then the source name gives its title and id', () => {
    const { definition } = imported({ elements: [{ type: 'text', name: 'a' }] }, { sourceName: 'Hundeanmeldung' });
    expect(definition).toMatchObject({ id: 'hundeanmeldung', title: 'Import Hundeanmeldung', source: { kind: 'surveyjs', schemaId: 'Hundeanmeldung' } });
    expect(imported({ elements: [{ type: 'text', name: 'a' }] }).definition).toMatchObject({ id: 'import-surveyjs', title: 'Import SurveyJS' });
  });

  it('When the id is given or invalid, then it is used or the import is refused', () => {
    expect(imported({ type: 'object', properties: {} }, { id: 'mein-import' }).definition.id).toBe('mein-import');
    expect(importForeignForm({ type: 'object', properties: {} }, { id: 'Mein Import' })).toMatchObject({ ok: false, code: 'IMPORT_BAD_ID' });
  });

  it('When references would expand exponentially, then the import is refused as too large', () => {
    const $defs: Record<string, unknown> = { l0: { type: 'string' } };
    for (let level = 1; level <= 16; level += 1) $defs[`l${level}`] = { type: 'object', properties: { a: { $ref: `#/$defs/l${level - 1}` }, b: { $ref: `#/$defs/l${level - 1}` } } };
    const result = importForeignForm({ type: 'object', $defs, properties: { x: { $ref: '#/$defs/l16' } } });
    expect(result).toMatchObject({ ok: false, code: 'IMPORT_TOO_LARGE' });
  });

  it('When names would reach object internals, then they are left out and nothing is polluted', () => {
    const before = Object.keys(Object.prototype).length;
    const { definition, report } = imported({
      schema: { type: 'object', properties: { a: { type: 'string' } } },
      uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/__proto__', label: 'x' }, { type: 'Control', scope: '#/properties/a' }] },
    });
    const formio = imported({ title: 'Testformular', components: [{ type: 'textfield', key: '__proto__', input: true }, { type: 'textfield', key: 'constructor', input: true }] });
    expect(Object.keys(Object.prototype).length).toBe(before);
    expect(({} as Record<string, unknown>)['ui:title']).toBeUndefined();
    expect(definition.uiSchema).toEqual({ 'ui:order': ['a', '*'] });
    expect(Object.keys(formio.definition.schema.properties)).toEqual([]);
    expect(formio.codes.filter((code) => code === 'component-dropped')).toHaveLength(2);
    expect(report.length).toBeGreaterThan(0);
  });

  it('When the file is no form, then the import is refused', () => {
    expect(importForeignForm([1, 2, 3])).toMatchObject({ ok: false, code: 'IMPORT_NOT_A_FORM' });
    expect(importForeignForm({ schema: { type: 'string' } }, { from: 'jsonschema' })).toMatchObject({ ok: false, code: 'IMPORT_NOT_A_FORM', path: '/schema/type' });
  });
});

describe('uiSchemas', () => {
  it.each([
    ['an unknown rjsf widget is dropped', { a: { 'ui:widget': 'myWidget' } }, {}, 'widget-dropped'],
    ['ui:emptyValue is dropped', { a: { 'ui:emptyValue': '' } }, {}, 'ui-option-dropped'],
    ['ui:autofocus is dropped', { a: { 'ui:autofocus': true } }, {}, 'ui-option-dropped'],
    ['a known widget stays', { a: { 'ui:widget': 'textarea', 'ui:help': 'Hilfe' } }, { a: { 'ui:widget': 'textarea', 'ui:help': 'Hilfe' } }, undefined],
    ['an order naming unknown fields is settled', { 'ui:order': ['b', 'a'] }, { 'ui:order': ['a'] }, 'ui-option-dropped'],
    ['an order missing fields gets a wildcard', { 'ui:order': [] }, { 'ui:order': ['*'] }, undefined],
  ])('When %s, then the uiSchema keeps only what the portal renders', (_name, uiSchema, expected, code) => {
    const { definition, codes } = imported({ schema: { type: 'object', properties: { a: { type: 'string' } } }, uiSchema });
    expect(definition.uiSchema).toEqual(expected);
    if (code) expect(codes).toContain(code);
  });

  it('When a JSON Forms categorization has categories, then they become steps and control options become widgets', () => {
    const { definition, report } = imported({
      schema: { type: 'object', properties: { name: { type: 'string' }, text: { type: 'string' }, art: { type: 'string', enum: ['a', 'b'] }, rest: { type: 'boolean' } } },
      uischema: {
        type: 'Categorization',
        elements: [
          { type: 'Category', label: 'Person', elements: [{ type: 'Control', scope: '#/properties/name', label: 'Ihr Name' }] },
          {
            type: 'Category',
            label: 'Anliegen',
            elements: [
              { type: 'Control', scope: '#/properties/text', options: { multi: true } },
              { type: 'Control', scope: '#/properties/art', options: { format: 'radio' }, rule: { effect: 'HIDE', condition: { scope: '#/properties/name', schema: { const: 'x' } } } },
            ],
          },
        ],
      },
    });
    expect(definition.steps).toEqual([
      { title: 'Person', properties: ['name'] },
      { title: 'Anliegen', properties: ['text', 'art'] },
      { title: 'Weitere Angaben', properties: ['rest'] },
    ]);
    expect(definition.uiSchema).toMatchObject({ name: { 'ui:title': 'Ihr Name' }, text: { 'ui:widget': 'textarea' }, art: { 'ui:widget': 'radio' } });
    expect((definition.schema.properties as Record<string, Json>).text).toMatchObject({ maxLength: 2000 });
    expect(entry(report, 'rule-dropped', '/uischema/elements/1/elements/1/rule')).toBeDefined();
    expect(definition.source?.rules?.[0]?.text).toContain('HIDE');
  });
});

describe('DigiWF', () => {
  const digiwf = {
    key: 'Antrag_Test',
    schema: {
      type: 'object',
      'x-display': 'stepper',
      allOf: [
        {
          title: 'Person',
          type: 'object',
          allOf: [
            {
              containerType: 'group',
              title: 'Angaben',
              properties: {
                name: { fieldType: 'text', title: 'Name', type: 'string', 'x-rules': ['required'], 'x-props': { outlined: true } },
                hinweis: { fieldType: 'markdown', title: 'Hinweis', type: 'string', 'x-display': 'markdown', default: 'Bitte vollständig ausfüllen.', readOnly: true },
                text: { fieldType: 'textarea', title: 'Begründung', type: 'string', 'x-display': 'textarea' },
              },
            },
          ],
        },
        {
          title: 'Termin',
          type: 'object',
          allOf: [
            {
              containerType: 'group',
              title: 'Wann',
              properties: {
                tag: { fieldType: 'date', title: 'Tag', type: 'string', format: 'date', 'x-display': 'custom-date-input' },
                wer: { fieldType: 'user-input', title: 'Zuständig', type: 'string', 'x-display': 'custom-user-input' },
                dateien: { fieldType: 'file', title: 'Anlagen', type: 'object', 'x-display': 'custom-multi-file-input', maxFiles: 3, 'x-rules': ['requiredObject'], properties: { key: { type: 'string' } } },
                art: { fieldType: 'select', title: 'Art', type: 'string', anyOf: [{ const: 'a', title: 'A' }, { const: 'b', title: 'B' }] },
              },
            },
          ],
        },
      ],
    },
  };

  it('When imported, then sections become steps and x-rules, x-display and files are mapped', () => {
    const { definition, report } = imported(digiwf);
    const properties = definition.schema.properties as Record<string, Json>;
    expect(Object.keys(properties)).toEqual(['name', 'text', 'tag', 'wer', 'dateien', 'art']);
    expect(definition.schema.required).toEqual(['name', 'dateien']);
    expect(definition.steps).toEqual([
      { title: 'Person', properties: ['name', 'text'] },
      { title: 'Termin', properties: ['tag', 'wer', 'dateien', 'art'] },
    ]);
    expect(definition.uiSchema).toEqual({ text: { 'ui:widget': 'textarea' } });
    expect(properties.tag).toEqual({ title: 'Tag', type: 'string', format: 'date', maxLength: 10 });
    expect(properties.dateien).toMatchObject({ type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', format: 'data-url' } });
    expect(properties.art).toEqual({ title: 'Art', type: 'string', oneOf: [{ const: 'a', title: 'A' }, { const: 'b', title: 'B' }] });
    expect(definition.description).toBe('Bitte vollständig ausfüllen.');
    expect(definition.source).toEqual({ kind: 'digiwf', schemaId: 'Antrag_Test' });
    expect(entry(report, 'display-text-dropped', '/schema/allOf/0/allOf/0/properties/hinweis')).toBeDefined();
    expect(entry(report, 'widget-dropped', '/schema/allOf/1/allOf/0/properties/wer/x-display')?.message).toContain('Benutzerauswahl');
    expect(entry(report, 'file-mapped', '/schema/allOf/1/allOf/0/properties/dateien')).toBeDefined();
    expect(entry(report, 'keyword-dropped', '/schema/allOf/0/allOf/0/properties/name/x-props')).toBeDefined();
    expect(entry(report, 'max-length-added', '/schema/allOf/0/allOf/0/properties/name')).toBeDefined();
  });
});

describe('Form.io', () => {
  const component = (extra: Json): Json => ({ key: 'feld', label: 'Feld', input: true, ...extra });
  it.each([
    ['textfield', component({ type: 'textfield', validate: { maxLength: 30, pattern: '[A-Z]+' } }), { type: 'string', maxLength: 30, pattern: '[A-Z]+' }, {}],
    ['textarea', component({ type: 'textarea' }), { type: 'string', maxLength: 2000 }, { 'ui:widget': 'textarea' }],
    ['number', component({ type: 'number', validate: { min: 1, max: 9 } }), { type: 'number', minimum: 1, maximum: 9 }, {}],
    ['integer', component({ type: 'number', decimalLimit: 0 }), { type: 'integer' }, {}],
    ['email', component({ type: 'email' }), { type: 'string', format: 'email', maxLength: 254 }, {}],
    ['phone', component({ type: 'phoneNumber' }), { type: 'string', format: 'de-phone', maxLength: 30 }, {}],
    ['date', component({ type: 'datetime', enableTime: false }), { type: 'string', format: 'date', maxLength: 10 }, { 'ui:widget': 'date' }],
    ['select', component({ type: 'select', data: { values: [{ label: 'Ja', value: 'ja' }, { label: 'Nein', value: 'nein' }] } }), { type: 'string', oneOf: [{ const: 'ja', title: 'Ja' }, { const: 'nein', title: 'Nein' }] }, {}],
    ['radio', component({ type: 'radio', values: [{ label: 'Eins', value: 1 }] }), { type: 'integer', oneOf: [{ const: 1, title: 'Eins' }] }, { 'ui:widget': 'radio' }],
    ['selectboxes', component({ type: 'selectboxes', values: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] }), { type: 'array', uniqueItems: true, maxItems: 2, items: { type: 'string', oneOf: [{ const: 'a', title: 'A' }, { const: 'b', title: 'B' }] } }, { 'ui:widget': 'checkboxes' }],
    ['checkbox', component({ type: 'checkbox' }), { type: 'boolean' }, {}],
    ['file', component({ type: 'file', multiple: true }), { type: 'array', maxItems: 10, items: { type: 'string', format: 'data-url' } }, {}],
    ['container', component({ type: 'container', components: [{ type: 'textfield', key: 'innen', input: true, validate: { required: true } }] }), { type: 'object', required: ['innen'], additionalProperties: false }, {}],
    ['datagrid', component({ type: 'datagrid', components: [{ type: 'number', key: 'n', input: true }] }), { type: 'array', maxItems: 50, items: { type: 'object', properties: { n: { type: 'number' } } } }, {}],
  ])('When a %s component is imported, then it becomes its schema equivalent', (_type, source, expected, ui) => {
    const { schema, definition } = imported({ title: 'Testformular', components: [source] });
    expect(props(schema).feld).toMatchObject({ title: 'Feld', ...expected });
    expect(definition.uiSchema.feld ?? {}).toEqual(ui);
  });

  it('When a required field has a declarative condition, then it becomes an if/then rule', () => {
    const { schema, report } = imported({
      title: 'Testformular',
      components: [
        { type: 'radio', key: 'sprache', input: true, values: [{ label: 'Deutsch', value: 'de' }, { label: 'Englisch', value: 'en' }] },
        { type: 'email', key: 'mail', input: true, validate: { required: true }, conditional: { show: true, conjunction: 'all', conditions: [{ component: 'sprache', operator: 'isEqual', value: 'de' }] } },
        { type: 'textfield', key: 'frei', input: true, conditional: { show: true, when: 'sprache', eq: 'en' } },
      ],
    });
    expect(schema.required).toBeUndefined();
    expect(schema.allOf).toEqual([{ if: { properties: { sprache: { const: 'de' } }, required: ['sprache'] }, then: { required: ['mail'] } }]);
    expect(entry(report, 'condition-mapped', '/components/1/conditional')).toBeDefined();
    expect(entry(report, 'condition-dropped', '/components/2/conditional')).toBeDefined();
  });

  it('When components carry JavaScript, then it is reported and kept as rule text', () => {
    const { definition, report } = imported({
      title: 'Testformular',
      components: [
        { type: 'number', key: 'summe', input: true, calculateValue: 'value = data.a + data.b;' },
        { type: 'textfield', key: 'code', input: true, validate: { custom: "valid = input === 'x';" } },
        { type: 'signature', key: 'unterschrift', input: true },
        { type: 'htmlelement', key: 'html', content: '<p>Hinweis</p>' },
        { type: 'button', key: 'submit', input: true },
      ],
    });
    expect(Object.keys(definition.schema.properties)).toEqual(['summe', 'code']);
    expect(entry(report, 'calculation-dropped', '/components/0/calculateValue')).toBeDefined();
    expect(entry(report, 'validator-dropped', '/components/1/validate')).toBeDefined();
    expect(entry(report, 'component-unknown', '/components/2')).toBeDefined();
    expect(entry(report, 'display-text-dropped', '/components/3')).toBeDefined();
    expect(entry(report, 'component-dropped', '/components/4')).toBeDefined();
    expect(definition.source?.rules?.map((rule) => rule.text)).toEqual(['value = data.a + data.b;', "valid = input === 'x';"]);
  });

  it('When the form is a wizard, then its top-level panels become steps', () => {
    const { definition } = imported({
      title: 'Assistent',
      display: 'wizard',
      components: [
        { type: 'panel', title: 'Seite A', key: 'a', components: [{ type: 'textfield', key: 'x', input: true }] },
        { type: 'panel', title: 'Seite B', key: 'b', components: [{ type: 'columns', key: 'c', columns: [{ components: [{ type: 'textfield', key: 'y', input: true }] }] }] },
      ],
    });
    expect(definition.steps).toEqual([
      { title: 'Seite A', properties: ['x'] },
      { title: 'Seite B', properties: ['y'] },
    ]);
  });
});

describe('SurveyJS', () => {
  const question = (extra: Json): Json => ({ name: 'frage', title: 'Frage', ...extra });
  it.each([
    ['text', question({ type: 'text' }), { type: 'string', maxLength: 200 }, {}],
    ['email', question({ type: 'text', inputType: 'email' }), { type: 'string', format: 'email', maxLength: 254 }, {}],
    ['number', question({ type: 'text', inputType: 'number', min: 0, max: 10 }), { type: 'number', minimum: 0, maximum: 10 }, {}],
    ['date', question({ type: 'text', inputType: 'date' }), { type: 'string', format: 'date' }, { 'ui:widget': 'date' }],
    ['phone', question({ type: 'text', inputType: 'tel' }), { type: 'string', format: 'de-phone' }, {}],
    ['comment', question({ type: 'comment' }), { type: 'string', maxLength: 2000 }, { 'ui:widget': 'textarea' }],
    ['radiogroup', question({ type: 'radiogroup', choices: ['Ja', { value: 'n', text: { de: 'Nein', en: 'No' } }] }), { type: 'string', oneOf: [{ const: 'Ja', title: 'Ja' }, { const: 'n', title: 'Nein' }] }, { 'ui:widget': 'radio' }],
    ['dropdown range', question({ type: 'dropdown', choicesMin: 1, choicesMax: 3 }), { type: 'integer', oneOf: [{ const: 1, title: '1' }, { const: 2, title: '2' }, { const: 3, title: '3' }] }, { 'ui:widget': 'select' }],
    ['checkbox', question({ type: 'checkbox', choices: ['a', 'b'] }), { type: 'array', uniqueItems: true, maxItems: 2 }, { 'ui:widget': 'checkboxes' }],
    ['boolean', question({ type: 'boolean' }), { type: 'boolean' }, {}],
    ['rating', question({ type: 'rating' }), { type: 'integer', oneOf: [1, 2, 3, 4, 5].map((n) => ({ const: n, title: String(n) })) }, { 'ui:widget': 'radio' }],
    ['file', question({ type: 'file' }), { type: 'string', format: 'data-url' }, {}],
    ['multipletext', question({ type: 'multipletext', items: [{ name: 'vorname', isRequired: true }, { name: 'nachname' }] }), { type: 'object', required: ['vorname'], additionalProperties: false }, {}],
    ['paneldynamic', question({ type: 'paneldynamic', templateElements: [{ type: 'text', name: 'kind' }], maxPanelCount: 4 }), { type: 'array', maxItems: 4, items: { type: 'object', properties: { kind: { type: 'string', maxLength: 200 } } } }, {}],
    ['text validators', question({ type: 'text', validators: [{ type: 'text', minLength: 2, maxLength: 40 }, { type: 'regex', regex: '^[a-z]+$' }] }), { type: 'string', minLength: 2, maxLength: 40, pattern: '^[a-z]+$' }, {}],
  ])('When a %s question is imported, then it becomes its schema equivalent', (_type, element, expected, ui) => {
    const { schema, definition } = imported({ title: 'Umfrage', elements: [element] });
    expect(props(schema).frage).toMatchObject({ title: 'Frage', ...expected });
    expect(definition.uiSchema.frage ?? {}).toEqual(ui);
  });

  it.each([
    ["{a} = 'x'", false, { when: 'a', value: 'x' }],
    ["{a}='x'", false, { when: 'a', value: 'x' }],
    ['{a} = 5', false, { when: 'a', value: 5 }],
    ['{a} == true', false, { when: 'a', value: true }],
    ["{panel.a} = 'x'", true, { when: 'a', value: 'x' }],
    ["{panel.a} = 'x'", false, undefined],
    ["{a} = 'x' and {b} > 1", false, undefined],
    ['{a} notempty', false, undefined],
  ])('When the condition is %s (in a dynamic panel: %s), then it parses to %j', (expression, inPanel, expected) => {
    expect(parseSurveyCondition(expression, inPanel)).toEqual(expected);
  });

  it('When questions have requiredIf and visibleIf, then simple ones become if/then and others are reported', () => {
    const { schema, report } = imported({
      title: 'Umfrage',
      pages: [
        { name: 'p1', title: 'Erste Seite', elements: [{ type: 'radiogroup', name: 'kinder', choices: ['ja', 'nein'], isRequired: true }] },
        {
          name: 'p2',
          elements: [
            { type: 'text', name: 'anzahl', requiredIf: "{kinder} = 'ja'" },
            { type: 'text', name: 'namen', isRequired: true, visibleIf: "{kinder} = 'ja'" },
            { type: 'text', name: 'alter', isRequired: true, visibleIf: "{kinder} = 'ja' and {anzahl} > 1" },
            { type: 'html', name: 'info', html: '<b>Hinweis</b>' },
            { type: 'text', name: 'anzahl' },
          ],
        },
      ],
      showTimer: true,
    });
    expect(schema.required).toEqual(['kinder']);
    expect(schema.allOf).toEqual([
      { if: { properties: { kinder: { const: 'ja' } }, required: ['kinder'] }, then: { required: ['anzahl'] } },
      { if: { properties: { kinder: { const: 'ja' } }, required: ['kinder'] }, then: { required: ['namen'] } },
    ]);
    expect(entry(report, 'condition-dropped', '/pages/1/elements/2/visibleIf')?.message).toContain('freiwillig statt Pflicht');
    expect(entry(report, 'display-text-dropped', '/pages/1/elements/3')).toBeDefined();
    expect(entry(report, 'name-duplicate', '/pages/1/elements/4')).toBeDefined();
    expect(entry(report, 'setting-dropped', '')?.message).toContain('showTimer');
  });

  it('When the survey has several pages, then they become steps', () => {
    const { definition } = imported({
      title: 'Umfrage',
      pages: [
        { name: 'p1', title: 'Eins', elements: [{ type: 'text', name: 'a' }] },
        { name: 'p2', elements: [{ type: 'panel', name: 'x', elements: [{ type: 'text', name: 'b' }] }] },
      ],
    });
    expect(definition.steps).toEqual([
      { title: 'Eins', properties: ['a'] },
      { title: 'Seite 2', properties: ['b'] },
    ]);
  });
});

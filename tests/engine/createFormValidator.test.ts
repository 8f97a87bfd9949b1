import { describe, expect, it } from 'vitest';
import { createFormValidator, DefinitionError } from '../../engine/index.ts';
import { clone, makeDefinition } from './makeDefinition.ts';

const valid = { antragsteller: { vorname: 'Erika', plz: '41812' } };

describe('createFormValidator', () => {
  const validator = createFormValidator();
  const definition = makeDefinition();

  it('accepts valid data', () => {
    expect(validator.validate(definition, valid)).toEqual({ valid: true, errors: [], errorCount: 0 });
  });

  it.each([
    ['a missing nested field', { antragsteller: { plz: '41812' } }, '/antragsteller/vorname', 'required', 'Bitte füllen Sie dieses Pflichtfeld aus.'],
    ['a missing section', {}, '/antragsteller', 'required', 'Bitte füllen Sie dieses Pflichtfeld aus.'],
    ['a bad pattern', { antragsteller: { vorname: 'E', plz: '4181' } }, '/antragsteller/plz', 'pattern', 'Bitte prüfen Sie das Format Ihrer Eingabe.'],
    ['an empty text', { antragsteller: { vorname: '', plz: '41812' } }, '/antragsteller/vorname', 'minLength', 'Bitte füllen Sie dieses Feld aus.'],
    ['a too long text', { antragsteller: { vorname: 'E', plz: '41812' }, bemerkung: 'x'.repeat(501) }, '/bemerkung', 'maxLength', 'Bitte geben Sie höchstens 500 Zeichen ein.'],
    ['a wrong type', { antragsteller: { vorname: 5, plz: '41812' } }, '/antragsteller/vorname', 'type', 'Bitte geben Sie einen Text ein.'],
    ['an unknown property', { ...valid, extra: 1 }, '/extra', 'additionalProperties', 'Diese Angabe ist im Formular nicht vorgesehen.'],
    ['an unknown nested property', { antragsteller: { ...valid.antragsteller, x: 1 } }, '/antragsteller/x', 'additionalProperties', 'Diese Angabe ist im Formular nicht vorgesehen.'],
    ['a slash in an unknown key', { ...valid, 'a/b': 1 }, '/a~1b', 'additionalProperties', 'Diese Angabe ist im Formular nicht vorgesehen.'],
    ['no object at all', 'text', '', 'type', 'Bitte füllen Sie die Angaben in diesem Abschnitt aus.'],
  ])('reports %s with pointer, keyword and German message', (_name, data, pointer, keyword, message) => {
    const result = validator.validate(definition, data);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ pointer, keyword, message });
  });

  it('reports all errors at once', () => {
    const result = validator.validate(definition, { antragsteller: { plz: 'x' }, extra: true });
    expect(result.errors.map((e) => e.pointer).sort()).toEqual(['/antragsteller/plz', '/antragsteller/vorname', '/extra']);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty'])('rejects a "%s" key as unknown instead of crashing', (key) => {
    const data = JSON.parse(`{"antragsteller":{"vorname":"E","plz":"41812","${key}":{"polluted":true}},"${key}":{"polluted":true}}`) as unknown;
    const result = validator.validate(definition, data);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: `/${key}`, keyword: 'additionalProperties' }),
        expect.objectContaining({ pointer: `/antragsteller/${key}`, keyword: 'additionalProperties' }),
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['iban', 'DE89370400440532013000', 'DE89370400440532013001', 'Bitte geben Sie eine gültige IBAN ein'],
    ['steuer-id', '86095742719', '86095742710', 'Steuer-Identifikationsnummer'],
    ['past-date', '1990-05-17', '2999-01-01', 'nicht in der Zukunft'],
    ['data-url', 'data:application/pdf;name=a.pdf;base64,JVBERi0xLjQK', 'data:application/pdf;base64,JVBERi0xLjQK', 'gültige Datei'],
    ['de-phone', '02452 13-0', '12', 'Telefonnummer'],
    ['email', 'erika@example.org', 'erika@', 'E-Mail-Adresse'],
    ['date', '2024-02-29', '2023-02-29', 'gültiges Datum'],
  ])('checks the %s format', (format, good, bad, message) => {
    const withFormat = makeDefinition({
      id: `format-${format}`,
      schema: { type: 'object', additionalProperties: false, properties: { feld: { type: 'string', format, maxLength: 100000 } } },
    });
    expect(validator.validate(withFormat, { feld: good }).valid).toBe(true);
    const result = validator.validate(withFormat, { feld: bad });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ pointer: '/feld', keyword: 'format' });
    expect(result.errors[0]!.message).toContain(message);
  });

  it('reports a missing property required by an if/then rule at its own pointer', () => {
    const conditional = makeDefinition({
      id: 'conditional',
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          art: { type: 'string', enum: ['privat', 'firma'] },
          firma: { type: 'string', maxLength: 100 },
        },
        if: { properties: { art: { const: 'firma' } }, required: ['art'] },
        then: { required: ['firma'] },
      },
    });
    expect(validator.validate(conditional, { art: 'privat' }).valid).toBe(true);
    expect(validator.validate(conditional, { art: 'firma' }).errors).toEqual([
      { pointer: '/firma', keyword: 'required', message: 'Bitte füllen Sie dieses Pflichtfeld aus.' },
    ]);
  });

  it('accepts amounts in cents with multipleOf 0.01 despite floating point', () => {
    const amount = makeDefinition({
      id: 'amount',
      schema: { type: 'object', additionalProperties: false, properties: { betrag: { type: 'number', multipleOf: 0.01, minimum: 0 } } },
    });
    for (const betrag of [19.99, 0.07, 1234.56, 0.3]) expect(validator.validate(amount, { betrag }).valid).toBe(true);
    expect(validator.validate(amount, { betrag: 1.005 }).errors).toEqual([
      { pointer: '/betrag', keyword: 'multipleOf', message: 'Der Wert muss ein Vielfaches von 0,01 sein.' },
    ]);
  });

  it('compiles each definition once and reuses it for equal copies', () => {
    const fresh = createFormValidator();
    fresh.validate(definition, valid);
    fresh.validate(definition, {});
    expect(fresh.compiledCount).toBe(1);
    const copy = clone(definition);
    expect(fresh.validate(copy, valid).valid).toBe(true);
    expect(fresh.validate(copy, {}).valid).toBe(false);
    expect(fresh.compiledCount).toBe(1);
    fresh.validate({ ...definition, version: '1.1.0' }, valid);
    expect(fresh.compiledCount).toBe(2);
  });

  it('recompiles when a definition object with the same id@version has a different schema', () => {
    const edited = clone(definition);
    (edited.schema.properties.bemerkung as { maxLength: number }).maxLength = 5;
    const data = { ...valid, bemerkung: 'sechs!' };
    const fresh = createFormValidator();
    expect(fresh.validate(definition, data).valid).toBe(true);
    expect(fresh.validate(edited, data).errors.map((e) => e.keyword)).toEqual(['maxLength']);
    expect(fresh.compiledCount).toBe(2);
    expect(fresh.validate(definition, data).valid).toBe(true);
  });

  it('refuses an unsafe schema with a DefinitionError naming id@version and the problem', () => {
    const unsafe = makeDefinition({
      id: 'unsafe',
      schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string', pattern: '^(a+)+$' } } },
    });
    expect(() => validator.validate(unsafe, { a: 'a' })).toThrow(DefinitionError);
    expect(() => validator.validate(unsafe, { a: 'a' })).toThrow(/unsafe@1\.0\.0[\s\S]*maxLength/);
  });

  it('refuses a schema whose objects allow unknown properties', () => {
    const open = makeDefinition({ id: 'open', schema: { type: 'object', properties: { a: { type: 'string', maxLength: 5 } } } });
    expect(() => validator.validate(open, {})).toThrow(/additionalProperties/);
  });

  it('keeps separate validator instances independent', () => {
    validator.validate(definition, valid);
    const other = createFormValidator();
    expect(other.compiledCount).toBe(0);
    expect(other.validate(definition, valid).valid).toBe(true);
    expect(other.compiledCount).toBe(1);
  });
});

describe('createFormValidator with over-long input', () => {
  const validator = createFormValidator();
  const definition = makeDefinition({
    id: 'redos',
    // A pattern with catastrophic backtracking: harmless on short input, fatal on long input.
    schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string', pattern: '^(a|aa)+$', maxLength: 20 } } },
  });

  it('still reports the pattern for an input slightly over maxLength', () => {
    const result = validator.validate(definition, { a: 'aaaaaaaaaaaaaaaaaaaaaaab' });
    expect(result.errors.map((e) => e.keyword).sort()).toEqual(['maxLength', 'pattern']);
  });

  it('does not run pattern or format on an input far over maxLength (only maxLength is reported)', () => {
    // A linear pattern, so that a broken guard fails this test instead of hanging it.
    const linear = makeDefinition({
      id: 'guarded',
      schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string', pattern: '^b+$', format: 'email', maxLength: 20 } } },
    });
    const result = validator.validate(linear, { a: 'a'.repeat(5000) });
    expect(result.errors).toEqual([{ pointer: '/a', keyword: 'maxLength', message: 'Bitte geben Sie höchstens 20 Zeichen ein.' }]);
    expect(validator.validate(linear, { a: 'a'.repeat(21) }).errors.map((e) => e.keyword).sort()).toEqual(['format', 'maxLength', 'pattern']);
  });

  it('keeps checking a pattern shared by a short and a long field on long input within the long limit', () => {
    const shared = makeDefinition({
      id: 'shared-pattern',
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          kurz: { type: 'string', pattern: '^[a-z]*$', maxLength: 5 },
          lang: { type: 'string', pattern: '^[a-z]*$', maxLength: 5000 },
          mail: { type: 'string', format: 'email', maxLength: 4000 },
        },
      },
    });
    const result = validator.validate(shared, { lang: `${'a'.repeat(4000)}B`, mail: `${'a'.repeat(3500)}@` });
    expect(result.errors.map((e) => `${e.pointer} ${e.keyword}`).sort()).toEqual(['/lang pattern', '/mail format']);
  });
});

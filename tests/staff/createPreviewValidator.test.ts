import { describe, expect, it } from 'vitest';
import { createPreviewValidator, matchesSchema } from '../../renderer/staff/preview/createPreviewValidator.ts';

const condition = { properties: { befreiung: { const: true } }, required: ['befreiung'] };

describe('matchesSchema (conditions of the preview)', () => {
  it.each([
    ['a matching const', condition, { befreiung: true }, true],
    ['another value', condition, { befreiung: false }, false],
    ['a missing required property', condition, {}, false],
    ['an enum member', { enum: ['a', 'b'] }, 'b', true],
    ['a non-member', { enum: ['a', 'b'] }, 'c', false],
    ['an integer for type integer', { type: 'integer' }, 3, true],
    ['a fraction for type integer', { type: 'integer' }, 3.5, false],
    ['a too short string', { minLength: 2 }, 'a', false],
    ['a number above maximum', { maximum: 5 }, 6, false],
    ['allOf with one failing part', { allOf: [{ minimum: 1 }, { maximum: 2 }] }, 3, false],
    ['anyOf with one matching part', { anyOf: [{ const: 1 }, { const: 2 }] }, 2, true],
    ['oneOf matching twice', { oneOf: [{ minimum: 1 }, { maximum: 5 }] }, 3, false],
    ['not of a match', { not: { const: 'x' } }, 'x', false],
    ['the true schema', true, 'anything', true],
    ['the false schema', false, 'anything', false],
  ])('%s', (_name, schema, value, expected) => {
    expect(matchesSchema(schema, value)).toBe(expected);
  });

  it('reports no errors for form data (the server validates submissions)', () => {
    const validator = createPreviewValidator();
    expect(validator.validateFormData({}, { type: 'object', required: ['x'], properties: { x: { type: 'string' } } })).toEqual({ errors: [], errorSchema: {} });
    expect(validator.isValid(condition, { befreiung: true }, {})).toBe(true);
  });
});

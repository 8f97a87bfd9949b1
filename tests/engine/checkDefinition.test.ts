import { describe, expect, it } from 'vitest';
import { assertDefinition, checkDefinition, DefinitionError, MAX_DEFINITION_SIZE, type FormDefinition } from '../../engine/index.ts';
import { makeDefinition } from './makeDefinition.ts';

type Schema = FormDefinition['schema'];
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Schema =>
  ({ type: 'object', additionalProperties: false, properties, ...extra }) as Schema;

/** Nests `depth` objects: {a: {a: ... }}. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { type: 'string', maxLength: 1 };
  for (let i = 0; i < depth; i++) value = { type: 'object', additionalProperties: false, properties: { a: value } };
  return value;
}

describe('checkDefinition', () => {
  it('accepts a valid definition and the starter fixture', async () => {
    expect(checkDefinition(makeDefinition())).toEqual([]);
    const { readFile } = await import('node:fs/promises');
    const fixture = JSON.parse(await readFile('tests/fixtures/forms/demo-anmeldung/1.0.0.json', 'utf8')) as unknown;
    expect(checkDefinition(fixture)).toEqual([]);
  });

  it.each<[string, unknown, string, string]>([
    ['not an object', [1, 2], '', 'not-object'],
    ['a missing field', (({ title: _t, ...rest }) => rest)(makeDefinition()), '/title', 'meta-schema'],
    ['an unknown field', { ...makeDefinition(), extra: 1 }, '/extra', 'meta-schema'],
    ['a bad version', makeDefinition({ version: '1.0' }), '/version', 'meta-schema'],
    ['an unknown lead participant', makeDefinition({ lead: { kind: 'kommunen', participants: ['aachen' as 'erkelenz'] } }), '/lead', 'meta-schema'],
    ['a root that is not an object schema', makeDefinition({ schema: { type: 'array', properties: {} } as unknown as Schema }), '/schema/type', 'meta-schema'],
    ['a pattern without maxLength', makeDefinition({ schema: object({ a: { type: 'string', pattern: '^(a+)+$' } }) }), '/schema/properties/a', 'unbounded-pattern'],
    ['a format without maxLength', makeDefinition({ schema: object({ a: { type: 'string', format: 'email' } }) }), '/schema/properties/a', 'unbounded-format'],
    ['uniqueItems without maxItems', makeDefinition({ schema: object({ a: { type: 'array', uniqueItems: true, items: { type: 'integer' } } }) }), '/schema/properties/a', 'unbounded-unique-items'],
    ['a $data reference', makeDefinition({ schema: object({ a: { type: 'integer', maximum: { $data: '1/b' } }, b: { type: 'integer' } }) }), '/schema/properties/a/maximum', 'data-ref'],
    ['a remote $ref', makeDefinition({ schema: object({ a: { $ref: 'https://example.org/schema.json' } }) }), '/schema/properties/a/$ref', 'remote-ref'],
    ['a relative file $ref', makeDefinition({ schema: object({ a: { $ref: 'other.json#/x' } }) }), '/schema/properties/a/$ref', 'remote-ref'],
    ['an unresolved $ref', makeDefinition({ schema: object({ a: { $ref: '#/$defs/missing' } }) }), '/schema/properties/a/$ref', 'unresolved-ref'],
    ['a circular $ref', makeDefinition({ schema: object({ a: { $ref: '#/$defs/node' } }, { $defs: { node: object({ next: { $ref: '#/$defs/node' } }) } }) }), '/schema/$defs/node/properties/next/$ref', 'circular-ref'],
    ['a mutually circular $ref', makeDefinition({ schema: object({ a: { $ref: '#/$defs/x' } }, { $defs: { x: object({ y: { $ref: '#/$defs/y' } }), y: object({ x: { $ref: '#/$defs/x' } }) } }) }), '/schema/$defs/x/properties/y/$ref', 'circular-ref'],
    ['a $ref to the root', makeDefinition({ schema: object({ a: { $ref: '#' } }) }), '/schema/properties/a/$ref', 'circular-ref'],
    ['an anchor $ref', makeDefinition({ schema: object({ a: { $ref: '#person' } }) }), '/schema/properties/a/$ref', 'unsupported-ref'],
    ['an object without additionalProperties: false', makeDefinition({ schema: object({ a: { type: 'object', properties: {} } }) }), '/schema/properties/a', 'additional-properties'],
    ['a root without additionalProperties: false', makeDefinition({ schema: { type: 'object', properties: {} } }), '/schema', 'additional-properties'],
    ['a required name not in properties', makeDefinition({ schema: object({ a: { type: 'string', maxLength: 5 } }, { required: ['a', 'b'] }) }), '/schema/required/1', 'required-unknown'],
    ['a then-required name not in properties', makeDefinition({ schema: object({ a: { type: 'boolean' } }, { if: { properties: { a: { const: true } } }, then: { required: ['b'] } }) }), '/schema/then/required/0', 'required-unknown'],
    ['a branch property not declared in the object', makeDefinition({ schema: object({ a: { type: 'boolean' } }, { if: { properties: { a: { const: true } } }, then: { properties: { c: { type: 'string', maxLength: 3 } } } }) }), '/schema/then/properties/c', 'branch-unknown-property'],
    ['a nested $id', makeDefinition({ schema: object({ a: { $id: 'https://x/y', type: 'string', maxLength: 3 } }) }), '/schema/properties/a/$id', 'unsupported-keyword'],
    ['patternProperties', makeDefinition({ schema: object({}, { patternProperties: { '^x': { type: 'string', maxLength: 3 } } }) }), '/schema/patternProperties', 'unsupported-keyword'],
    ['a property named __proto__', makeDefinition({ schema: object(JSON.parse('{"__proto__": {"type": "string", "maxLength": 3}}') as Record<string, unknown>) }), '/schema/properties/__proto__', 'reserved-name'],
    ['a property named constructor', makeDefinition({ schema: object({ constructor: { type: 'string', maxLength: 3 } }) }), '/schema/properties/constructor', 'reserved-name'],
    ['an unknown keyword (strict mode)', makeDefinition({ schema: object({ a: { type: 'string', maxLength: 3, placeholder: 'x' } }) }), '/schema', 'schema-compile'],
    ['an unknown format', makeDefinition({ schema: object({ a: { type: 'string', format: 'postleitzahl', maxLength: 5 } }) }), '/schema', 'schema-compile'],
    ['an invalid regular expression', makeDefinition({ schema: object({ a: { type: 'string', pattern: '([a-z', maxLength: 5 } }) }), '/schema/properties/a', 'pattern-not-linear'],
    ['a backreference (no linear-time form)', makeDefinition({ schema: object({ a: { type: 'string', pattern: '^(a+)\\1$', maxLength: 5 } }) }), '/schema/properties/a', 'pattern-not-linear'],
    ['a lookahead (no linear-time form)', makeDefinition({ schema: object({ a: { type: 'string', pattern: '^(?=.*[0-9]).{8,}$', maxLength: 50 } }) }), '/schema/properties/a', 'pattern-not-linear'],
    ['a negative lookbehind (no linear-time form)', makeDefinition({ schema: object({ a: { type: 'string', pattern: '(?<!x)y', maxLength: 5 } }) }), '/schema/properties/a', 'pattern-not-linear'],
    ['a step with an unknown property', makeDefinition({ steps: [{ title: 'Eins', properties: ['antragsteller', 'bemerkung', 'gibtsnicht'] }] }), '/steps/0/properties/2', 'step-unknown-property'],
    ['a property in two steps', makeDefinition({ steps: [{ title: 'Eins', properties: ['antragsteller', 'bemerkung'] }, { title: 'Zwei', properties: ['bemerkung'] }] }), '/steps/1/properties/0', 'step-duplicate-property'],
    ['a property in no step', makeDefinition({ steps: [{ title: 'Eins', properties: ['antragsteller'] }] }), '/schema/properties/bemerkung', 'step-missing-property'],
    ['the Kreis among leading Kommunen', makeDefinition({ lead: { kind: 'kommunen', participants: ['erkelenz', 'kreis-heinsberg'] } }), '/lead/participants/1', 'lead-kreis-in-kommunen'],
    ['too deep', makeDefinition({ schema: nested(20) as Schema }), '', 'too-deep'],
    ['too large', makeDefinition({ description: 'x'.repeat(MAX_DEFINITION_SIZE) }), '', 'too-large'],
  ])('rejects %s', (_name, definition, pointer, code) => {
    const problems = checkDefinition(definition);
    expect(problems).toContainEqual(expect.objectContaining({ pointer, code }));
    for (const problem of problems) expect(problem.message).toMatch(/\w{3}/);
  });

  it('accepts conditional requirements whose names the object declares', () => {
    const definition = makeDefinition({
      schema: object(
        { art: { type: 'string', enum: ['a', 'b'] }, firma: { type: 'string', maxLength: 100 } },
        { if: { properties: { art: { const: 'b' } }, required: ['art'] }, then: { required: ['firma'] } },
      ),
    });
    expect(checkDefinition(definition)).toEqual([]);
  });

  it('accepts a rule across groups whose if, not and contains test a group without closing it', () => {
    const group = object({ gruende: { type: 'array', maxItems: 3, items: { type: 'string', enum: ['verlegung', 'erweiterung'] } } });
    const definition = makeDefinition({
      schema: object(
        { ummeldung: group, neueAnschrift: { type: 'string', maxLength: 100 } },
        {
          if: { properties: { ummeldung: { type: 'object', properties: { gruende: { type: 'array', contains: { const: 'verlegung' } } }, required: ['gruende'] } }, required: ['ummeldung'] },
          then: { required: ['neueAnschrift'] },
          not: { properties: { ummeldung: { type: 'object', properties: { gruende: { type: 'array', maxItems: 0 } } } } },
        },
      ),
    });
    expect(checkDefinition(definition)).toEqual([]);
  });

  it('still requires additionalProperties: false on objects in then and else', () => {
    const definition = makeDefinition({
      schema: object(
        { art: { type: 'string', maxLength: 5 }, firma: object({ name: { type: 'string', maxLength: 5 } }) },
        { if: { properties: { art: { const: 'b' } } }, then: { properties: { firma: { type: 'object', properties: {} } } } },
      ),
    });
    expect(checkDefinition(definition)).toContainEqual(expect.objectContaining({ pointer: '/schema/then/properties/firma', code: 'additional-properties' }));
  });

  it('accepts local refs into $defs, also used twice', () => {
    const person = object({ name: { type: 'string', maxLength: 100 } }, { required: ['name'] });
    const definition = makeDefinition({
      schema: object({ a: { $ref: '#/$defs/person' }, b: { $ref: '#/$defs/person' } }, { $defs: { person } }),
    });
    expect(checkDefinition(definition)).toEqual([]);
  });

  it('does not crash on a definition nested thousands of levels deep', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(checkDefinition({ ...makeDefinition(), uiSchema: { deep: value } })).toEqual([expect.objectContaining({ code: 'too-deep' })]);
  });

  it('assertDefinition throws a DefinitionError with source and problems', () => {
    const definition = makeDefinition({ version: 'eins' });
    let thrown: unknown;
    try {
      assertDefinition(definition, 'forms/test-antrag/eins.json');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DefinitionError);
    const error = thrown as DefinitionError;
    expect(error.source).toBe('forms/test-antrag/eins.json');
    expect(error.problems).toContainEqual(expect.objectContaining({ pointer: '/version', code: 'meta-schema' }));
    expect(error.message).toContain('forms/test-antrag/eins.json');
    expect(() => assertDefinition(makeDefinition(), 'ok.json')).not.toThrow();
  });
});

describe('checkDefinition: contact e-mail', () => {
  const schema = object({ kontakt: object({ email: { type: 'string', format: 'email', maxLength: 254 }, name: { type: 'string', maxLength: 10 } }) });
  it('When contactEmail points to an e-mail field, then the definition is accepted', () => {
    expect(checkDefinition(makeDefinition({ schema, contactEmail: '/kontakt/email' }))).toEqual([]);
  });
  it.each(['/kontakt/name', '/kontakt/fehlt', '/kontakt'])('When contactEmail is %s, then it is refused', (pointer) => {
    expect(checkDefinition(makeDefinition({ schema, contactEmail: pointer })).map((problem) => problem.code)).toEqual(['contact-email-invalid']);
  });
});

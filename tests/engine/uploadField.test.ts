import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDefinition, collectUploadRefs, createFormValidator, diffDefinitions, findFieldSchema, readUploadSpec, requiredBump } from '../../engine/index.ts';
import { UPLOAD_SPEC_SCHEMA } from '../../engine/uploadField.ts';
import { makeDefinition } from './makeDefinition.ts';

const upload: Record<string, unknown> = { type: 'object', title: 'Nachweis', 'x-upload': { maxBytes: 1000, types: ['application/pdf', 'image/png'] } };
const definition = makeDefinition({
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['nachweis'],
    properties: {
      nachweis: upload,
      fotos: { type: 'array', maxItems: 3, items: { $ref: '#/$defs/foto' } },
    },
    $defs: { foto: upload },
  },
});
const ref = { token: 'a'.repeat(43), name: 'nachweis.pdf', type: 'application/pdf', size: 1000, sha256: 'f'.repeat(64) };

describe('file fields (x-upload)', () => {
  const validator = createFormValidator();

  it('when a definition declares x-upload fields, then it passes the definition checks', () => {
    expect(checkDefinition(definition)).toEqual([]);
  });

  it('when x-upload has an unknown type or no limit, then the definition is refused', () => {
    for (const spec of [{ maxBytes: 10, types: ['text/html'] }, { types: ['application/pdf'] }, { maxBytes: 0, types: ['application/pdf'] }]) {
      const bad = makeDefinition({ schema: { type: 'object', additionalProperties: false, properties: { f: { type: 'object', 'x-upload': spec } as Record<string, unknown> } } });
      expect(checkDefinition(bad).length).toBeGreaterThan(0);
    }
  });

  it('when an x-upload field also declares properties, then the definition is refused', () => {
    const bad = makeDefinition({ schema: { type: 'object', additionalProperties: false, properties: { f: { ...upload, properties: {} } } } });
    expect(checkDefinition(bad).map((p) => p.code)).toContain('invalid-upload');
  });

  it('when the reference carries a token or a stored id within the limits, then it is valid', () => {
    expect(validator.validate(definition, { nachweis: ref }).valid).toBe(true);
    const { token: _token, ...rest } = ref;
    expect(validator.validate(definition, { nachweis: { ...rest, id: '0b7e3c1e-8f5e-4a51-9f4e-3f1f0d3c9a11' } }).valid).toBe(true);
  });

  it.each([
    ['too large', { ...ref, size: 1001 }, '/nachweis/size'],
    ['a type not accepted', { ...ref, type: 'image/jpeg' }, '/nachweis/type'],
    ['an unknown property', { ...ref, extra: 1 }, '/nachweis/extra'],
    ['a bad checksum', { ...ref, sha256: 'x' }, '/nachweis/sha256'],
  ])('when the reference is %s, then validation fails at its pointer', (_name, value, pointer) => {
    const result = validator.validate(definition, { nachweis: value });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.pointer)).toContain(pointer);
  });

  it('when neither token nor id is given, then validation fails', () => {
    const { token: _token, ...rest } = ref;
    expect(validator.validate(definition, { nachweis: rest }).valid).toBe(false);
  });

  it('finds field schemas by data pointer and collects every reference in the data', () => {
    expect(readUploadSpec(findFieldSchema(definition.schema, '/nachweis'))).toEqual({ maxBytes: 1000, types: ['application/pdf', 'image/png'] });
    expect(readUploadSpec(findFieldSchema(definition.schema, '/fotos/2'))?.maxBytes).toBe(1000);
    expect(findFieldSchema(definition.schema, '/nichts')).toBeUndefined();
    const refs = collectUploadRefs(definition.schema, { nachweis: ref, fotos: [ref, ref] });
    expect(refs.map((r) => r.pointer)).toEqual(['/nachweis', '/fotos/0', '/fotos/1']);
  });

  it('the meta-schema describes x-upload exactly as the engine checks it', () => {
    const meta = JSON.parse(readFileSync(new URL('../../schemas/form-definition.schema.json', import.meta.url), 'utf8')) as {
      $defs: { upload: { properties: { maxBytes: { maximum: number }; types: { items: { enum: string[] } } } } };
    };
    expect(meta.$defs.upload.properties.maxBytes.maximum).toBe(UPLOAD_SPEC_SCHEMA.properties.maxBytes.maximum);
    expect(meta.$defs.upload.properties.types.items.enum).toEqual(UPLOAD_SPEC_SCHEMA.properties.types.items.enum);
  });
});

describe('version bumps of file fields', () => {
  const withSpec = (spec: Record<string, unknown>) =>
    makeDefinition({ schema: { type: 'object', additionalProperties: false, properties: { f: { type: 'object', 'x-upload': spec } as Record<string, unknown> } } });

  it('When maxBytes shrinks or a type is removed, then the change is breaking; the opposite is compatible', () => {
    const base = withSpec({ maxBytes: 1000, types: ['application/pdf', 'image/png'] });
    expect(requiredBump(diffDefinitions(base, withSpec({ maxBytes: 500, types: ['application/pdf', 'image/png'] })))).toBe('major');
    expect(requiredBump(diffDefinitions(base, withSpec({ maxBytes: 1000, types: ['application/pdf'] })))).toBe('major');
    expect(requiredBump(diffDefinitions(base, withSpec({ maxBytes: 2000, types: ['application/pdf', 'image/png', 'image/jpeg'] })))).toBe('minor');
  });
});

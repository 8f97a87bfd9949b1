import type { Ajv } from 'ajv';
import { isRecord } from './isRecord.ts';
import { parsePointer, resolvePointer } from './jsonPointer.ts';

/**
 * File fields. An editor declares a file field as an object schema with the keyword `x-upload`:
 *
 *   { "type": "object", "title": "Nachweis", "x-upload": { "maxBytes": 5242880, "types": ["application/pdf", "image/png"] } }
 *
 * The file itself travels apart from the JSON (public upload route, streamed); the field's value is a reference
 * `{ token | id, name, type, size, sha256 }`: the citizen's request carries the upload `token`, the stored submission
 * the upload's `id`. `x-upload` is an Ajv macro keyword: it expands into the closed object schema of that reference
 * (size at most `maxBytes`, type one of `types`), so the server and the portal's precompiled validators check the
 * same rules. Fields of published versions declared the older way (`format: "data-url"` strings) stay valid and
 * readable; new versions should use `x-upload`.
 */
export const UPLOAD_KEYWORD = 'x-upload';

/** The limits of one file field. */
export interface UploadSpec {
  /** Largest file in bytes. */
  maxBytes: number;
  /** Accepted MIME types, checked against the file's real bytes. */
  types: string[];
}

/** Largest file a field may accept at all (the server never streams more). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The MIME types a file field may list: those the server can recognise from a file's bytes. */
export const UPLOAD_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/heic',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/xml',
] as const;

/** JSON Schema of the `x-upload` value (also in schemas/form-definition.schema.json as $defs/upload). */
export const UPLOAD_SPEC_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['maxBytes', 'types'],
  properties: {
    maxBytes: { type: 'integer', minimum: 1, maximum: MAX_UPLOAD_BYTES },
    types: { type: 'array', minItems: 1, maxItems: UPLOAD_TYPES.length, uniqueItems: true, items: { enum: [...UPLOAD_TYPES] } },
  },
} as const;

/** Upload tokens: 32 random bytes, base64url without padding. */
export const UPLOAD_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

/** The reference schema an `x-upload` field expands into. */
export function expandUploadSpec(spec: UploadSpec): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'type', 'size', 'sha256'],
    properties: {
      token: { type: 'string', pattern: UPLOAD_TOKEN_PATTERN, maxLength: 43 },
      id: { type: 'string', pattern: '^[0-9a-f-]{36}$', maxLength: 36 },
      name: { type: 'string', minLength: 1, maxLength: 255 },
      type: { enum: [...spec.types] },
      size: { type: 'integer', minimum: 1, maximum: spec.maxBytes },
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 },
    },
    oneOf: [{ required: ['token'] }, { required: ['id'] }],
  };
}

/** Registers `x-upload` on an Ajv instance (server validator, definition checks and the portal's standalone code). */
export function addUploadKeyword(ajv: Ajv): void {
  if (ajv.getKeyword(UPLOAD_KEYWORD)) return;
  ajv.addKeyword({
    keyword: UPLOAD_KEYWORD,
    metaSchema: UPLOAD_SPEC_SCHEMA,
    macro: (spec: UploadSpec) => expandUploadSpec(spec),
  });
}

/** The `x-upload` spec of a schema node, or undefined when it is no file field. */
export function readUploadSpec(schema: unknown): UploadSpec | undefined {
  if (!isRecord(schema)) return undefined;
  const spec = schema[UPLOAD_KEYWORD];
  if (!isRecord(spec) || typeof spec.maxBytes !== 'number' || !Array.isArray(spec.types)) return undefined;
  return { maxBytes: spec.maxBytes, types: spec.types.filter((type): type is string => typeof type === 'string') };
}

/** Follows a local `$ref` chain (at most 32 steps). */
function deref(root: Record<string, unknown>, schema: unknown): unknown {
  let current = schema;
  for (let step = 0; step < 32 && isRecord(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#'); step++) {
    current = resolvePointer(root, decodeURIComponent(current.$ref.slice(1)));
  }
  return current;
}

/**
 * The schema of the data at `pointer` (e.g. '/nachweis' or '/unterlagen/2'), following `properties`, `items`,
 * `prefixItems` and local `$ref`s; undefined when the pointer leads nowhere.
 */
export function findFieldSchema(root: unknown, pointer: string): unknown {
  if (!isRecord(root)) return undefined;
  const tokens = parsePointer(pointer);
  if (!tokens) return undefined;
  let current: unknown = deref(root, root);
  for (const token of tokens) {
    if (!isRecord(current)) return undefined;
    if (isRecord(current.properties) && Object.prototype.hasOwnProperty.call(current.properties, token)) {
      current = deref(root, current.properties[token]);
    } else if (/^(0|[1-9][0-9]{0,5})$/.test(token) && (current.items !== undefined || Array.isArray(current.prefixItems))) {
      const index = Number(token);
      const prefix = Array.isArray(current.prefixItems) ? current.prefixItems : [];
      current = deref(root, index < prefix.length ? prefix[index] : current.items);
    } else {
      return undefined;
    }
  }
  return current;
}

/** One file reference found in submitted data. */
export interface UploadRef {
  /** JSON pointer of the reference in the data. */
  pointer: string;
  spec: UploadSpec;
  value: Record<string, unknown>;
}

/**
 * Every value of an `x-upload` field in `data` (validated data), found by walking the data beside the schema through
 * `properties`, `items`, `prefixItems` and local `$ref`s.
 */
export function collectUploadRefs(root: unknown, data: unknown): UploadRef[] {
  const refs: UploadRef[] = [];
  if (!isRecord(root)) return refs;
  const walk = (schemaNode: unknown, value: unknown, pointer: string, depth: number): void => {
    if (depth > 64) return;
    const schema = deref(root, schemaNode);
    if (!isRecord(schema)) return;
    const spec = readUploadSpec(schema);
    if (spec) {
      if (isRecord(value)) refs.push({ pointer, spec, value });
      return;
    }
    if (isRecord(value) && isRecord(schema.properties)) {
      for (const [name, child] of Object.entries(schema.properties)) {
        if (Object.prototype.hasOwnProperty.call(value, name)) walk(child, value[name], `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
      }
    }
    if (Array.isArray(value)) {
      const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
      value.forEach((item, index) => walk(index < prefix.length ? prefix[index] : schema.items, item, `${pointer}/${index}`, depth + 1));
    }
  };
  walk(root, data, '', 0);
  return refs;
}

/** True when the data schema declares at least one `x-upload` field anywhere. */
export function hasUploadFields(schema: unknown): boolean {
  const stack: unknown[] = [schema];
  let seen = 0;
  while (stack.length > 0 && seen++ < 100_000) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isRecord(node)) {
      if (readUploadSpec(node)) return true;
      for (const [key, child] of Object.entries(node)) if (key !== 'const' && key !== 'enum' && key !== 'default') stack.push(child);
    }
  }
  return false;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
  'image/heic': 'HEIC',
  'application/zip': 'ZIP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-Text (ODT)',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-Tabelle (ODS)',
  'application/xml': 'XML',
};

/** German list of accepted types, e.g. 'PDF, PNG' (messages and hints of file fields). */
export function describeUploadTypes(types: readonly string[]): string {
  return types.map((type) => TYPE_NAMES[type] ?? type).join(', ');
}

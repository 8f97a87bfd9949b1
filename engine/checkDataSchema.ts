import type { AnySchemaObject } from 'ajv';
import { isLinearPattern } from './createLinearRegExp.ts';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from './createAjv.ts';
import type { DefinitionProblem } from './DefinitionError.ts';
import { escapePointerToken, parsePointer, resolvePointer } from './jsonPointer.ts';
import { SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_SINGLES } from './schemaKeywords.ts';
import { isRecord } from './isRecord.ts';
import { UPLOAD_KEYWORD } from './uploadField.ts';

/** Deepest nesting of objects/arrays a definition may have (guards every recursive consumer). */
export const MAX_DEPTH = 32;

/** Subschemas that apply to the same instance as their parent (their properties belong to the parent object). */
const SAME_INSTANCE = new Set(['not', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'dependentSchemas']);
/**
 * Subschemas that only test data and never admit it: an object schema inside them need not close itself with
 * `additionalProperties: false` (doing so would change what the condition tests, e.g. an `if` on one field of a group).
 */
const ASSERTION_ONLY = new Set(['if', 'not', 'contains']);
const SUBSCHEMA_KEYWORDS = new Set<string>([...SCHEMA_MAPS, ...SCHEMA_SINGLES, ...SCHEMA_LISTS]);
/** Keywords whose value is data, not schema: never inspected for schema rules. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);
const UNSUPPORTED = ['$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', 'patternProperties'];
const NUMERIC_TYPES = new Set(['number', 'integer']);
/** Names that would collide with JavaScript object internals in renderers and generated code. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

interface Ref {
  /** Pointer of the schema holding the $ref, relative to the data schema root. */
  location: string;
  /** Pointer the $ref resolves to, relative to the data schema root. */
  target: string;
}

interface WalkContext {
  /** Property names of the object this schema applies to, when it is a same-instance branch (if/then/allOf...). */
  enclosingProperties: ReadonlySet<string> | undefined;
  /** Inside an `if`, `not` or `contains`: the schema only tests data. */
  assertionOnly: boolean;
}

/** Depth of nested objects/arrays of a JSON value, counted up to `limit + 1` (so it never recurses deeper). */
export function jsonDepth(value: unknown, limit = MAX_DEPTH): number {
  if (value === null || typeof value !== 'object') return 0;
  if (limit < 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value as Record<string, unknown>)) {
    const depth = jsonDepth(child, limit - 1);
    if (depth > deepest) deepest = depth;
    if (deepest > limit) break;
  }
  return deepest + 1;
}

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function typesOf(schema: Record<string, unknown>): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

let checkAjv: Ajv2020 | undefined;

/**
 * Checks a data schema (the `schema` of a definition) against the engine's rules for untrusted schemas:
 * only local `$ref`s ('#/...') that resolve and are not circular, no `$data`, a `pattern` or string `format` only
 * with `maxLength`, `uniqueItems` only with `maxItems`, `additionalProperties: false` on every object schema,
 * every `required` name declared in `properties`, depth at most MAX_DEPTH, and it compiles with the engine's
 * strict Ajv. `basePointer` prefixes the problems' pointers (e.g. '/schema' inside a definition).
 */
export function checkDataSchema(schema: unknown, basePointer = ''): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report = (location: string, code: string, message: string): void => {
    problems.push({ pointer: basePointer + location, code, message });
  };
  if (!isRecord(schema)) {
    report('', 'schema-not-object', 'The data schema must be a JSON object.');
    return problems;
  }
  if (jsonDepth(schema) > MAX_DEPTH) {
    report('', 'too-deep', `The data schema is nested deeper than ${MAX_DEPTH} levels.`);
    return problems;
  }
  const refs: Ref[] = [];

  const walk = (node: unknown, location: string, context: WalkContext): void => {
    if (typeof node === 'boolean') return;
    if (!isRecord(node)) {
      report(location, 'invalid-schema', 'A schema must be an object or a boolean.');
      return;
    }
    if (has(node, '$ref')) {
      const ref = node.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#')) {
        report(location + '/$ref', 'remote-ref', `Only local references ("#/$defs/...") are allowed, not ${JSON.stringify(ref)}.`);
      } else {
        let target: string | undefined;
        try {
          target = decodeURIComponent(ref.slice(1));
        } catch {
          target = undefined;
        }
        if (target === undefined || parsePointer(target) === undefined) {
          report(location + '/$ref', 'unsupported-ref', `Reference ${JSON.stringify(ref)} is not a JSON pointer.`);
        } else {
          refs.push({ location, target });
        }
      }
    }
    if (location !== '' && has(node, '$id')) {
      report(location + '/$id', 'unsupported-keyword', '"$id" is only allowed at the root of the data schema.');
    }
    for (const keyword of UNSUPPORTED) {
      if (has(node, keyword)) report(`${location}/${escapePointerToken(keyword)}`, 'unsupported-keyword', `"${keyword}" is not supported.`);
    }
    if (has(node, '$data')) report(location, 'data-ref', '"$data" references are not allowed.');
    for (const [keyword, value] of Object.entries(node)) {
      if (SUBSCHEMA_KEYWORDS.has(keyword) || DATA_KEYWORDS.has(keyword)) continue;
      if (isRecord(value) && has(value, '$data')) {
        report(`${location}/${escapePointerToken(keyword)}`, 'data-ref', '"$data" references are not allowed.');
      }
    }

    const types = typesOf(node);
    // A file field (x-upload) expands into a closed reference schema; it declares nothing else about its object.
    const isUpload = has(node, UPLOAD_KEYWORD);
    if (isUpload && (types.length !== 1 || types[0] !== 'object' || has(node, 'properties') || has(node, 'required'))) {
      report(location, 'invalid-upload', `A file field ("${UPLOAD_KEYWORD}") must be "type": "object" without "properties" or "required".`);
    }
    if (types.includes('object') && node.additionalProperties !== false && !context.assertionOnly && !isUpload) {
      report(
        location,
        'additional-properties',
        'Every object schema must declare "additionalProperties": false, so that unknown properties are rejected.',
      );
    }
    const stringLike = types.length === 0 || types.some((t) => !NUMERIC_TYPES.has(t));
    if (typeof node.pattern === 'string' && !isLinearPattern(node.pattern)) {
      report(
        location,
        'pattern-not-linear',
        'The "pattern" uses a backreference, lookaround or invalid syntax; only patterns that match in linear time (RE2 syntax) are allowed.',
      );
    }
    if (has(node, 'pattern') && typeof node.maxLength !== 'number') {
      report(location, 'unbounded-pattern', 'A "pattern" needs a "maxLength" in the same schema (untrusted-input rule).');
    }
    if (has(node, 'format') && stringLike && typeof node.maxLength !== 'number') {
      report(location, 'unbounded-format', `A "format" needs a "maxLength" in the same schema (untrusted-input rule).`);
    }
    if (node.uniqueItems === true && typeof node.maxItems !== 'number') {
      report(location, 'unbounded-unique-items', '"uniqueItems" needs a "maxItems" in the same schema (untrusted-input rule).');
    }

    const ownProperties = isRecord(node.properties) ? Object.keys(node.properties) : [];
    const known = new Set(ownProperties);
    if (context.enclosingProperties) {
      for (const name of ownProperties) {
        if (!context.enclosingProperties.has(name)) {
          report(
            `${location}/properties/${escapePointerToken(name)}`,
            'branch-unknown-property',
            `Property "${name}" of a conditional or combined schema is not declared in the enclosing object's "properties".`,
          );
        }
      }
      for (const name of context.enclosingProperties) known.add(name);
    }
    if (Array.isArray(node.required)) {
      node.required.forEach((name, index) => {
        if (typeof name === 'string' && !known.has(name)) {
          report(`${location}/required/${index}`, 'required-unknown', `Required property "${name}" is not declared in "properties".`);
        }
      });
    }

    const childContext = (keyword: string): WalkContext => ({
      enclosingProperties: SAME_INSTANCE.has(keyword) ? known : undefined,
      assertionOnly: context.assertionOnly || ASSERTION_ONLY.has(keyword),
    });
    for (const keyword of SCHEMA_MAPS) {
      const map = node[keyword];
      if (!isRecord(map)) continue;
      for (const [name, child] of Object.entries(map)) {
        if (RESERVED_NAMES.has(name)) {
          report(`${location}/${keyword}/${escapePointerToken(name)}`, 'reserved-name', `"${name}" cannot be used as a property or definition name.`);
          continue;
        }
        walk(child, `${location}/${keyword}/${escapePointerToken(name)}`, childContext(keyword));
      }
    }
    for (const keyword of SCHEMA_SINGLES) {
      if (has(node, keyword)) walk(node[keyword], `${location}/${keyword}`, childContext(keyword));
    }
    for (const keyword of SCHEMA_LISTS) {
      const list = node[keyword];
      if (!Array.isArray(list)) continue;
      list.forEach((child, index) => walk(child, `${location}/${keyword}/${index}`, childContext(keyword)));
    }
  };
  walk(schema, '', { enclosingProperties: undefined, assertionOnly: false });

  checkRefs(schema, refs, report);
  if (problems.length === 0) {
    checkAjv ??= createAjv();
    const { $id: _ignoredId, ...compiled } = schema as AnySchemaObject;
    try {
      checkAjv.compile(compiled);
    } catch (error) {
      report('', 'schema-compile', `The schema does not compile: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      checkAjv.removeSchema(compiled);
    }
  }
  return problems;
}

function isWithin(location: string, target: string): boolean {
  return target === '' || location === target || location.startsWith(`${target}/`);
}

/** Unresolvable and circular references. A ref is circular when expanding its target reaches it again. */
function checkRefs(schema: Record<string, unknown>, refs: readonly Ref[], report: (l: string, c: string, m: string) => void): void {
  const resolvable = refs.filter((ref) => {
    if (resolvePointer(schema, ref.target) !== undefined) return true;
    report(`${ref.location}/$ref`, 'unresolved-ref', `Reference "#${ref.target}" does not resolve inside the schema.`);
    return false;
  });
  // Edge a -> b when ref b lies inside the target of ref a (expanding a also expands b).
  const state = new Map<Ref, 'active' | 'done'>();
  const reported = new Set<Ref>();
  const visit = (ref: Ref): void => {
    state.set(ref, 'active');
    for (const next of resolvable) {
      if (!isWithin(next.location, ref.target)) continue;
      const seen = state.get(next);
      if (seen === 'active') {
        if (!reported.has(next)) {
          reported.add(next);
          report(`${next.location}/$ref`, 'circular-ref', `Reference "#${next.target}" is circular.`);
        }
      } else if (seen === undefined) {
        visit(next);
      }
    }
    state.set(ref, 'done');
  };
  for (const ref of resolvable) if (!state.has(ref)) visit(ref);
}

import { canonicalJson } from './canonicalJson.ts';
import { escapePointerToken, resolvePointer } from './jsonPointer.ts';
import { isRecord } from './isRecord.ts';

/** The semver part a change needs at least. */
export type Bump = 'major' | 'minor' | 'patch';

/**
 * One difference between two versions of a definition. `breaking` changes can reject data the previous
 * version accepted (or drop data it kept) and need a major bump; `compatible` ones need a minor bump when they
 * accept more data (optional property, enum value, widened constraint) and a patch bump for texts, uiSchema
 * and metadata. `pointer` locates the change in the definition (the new one, or the old one for removals).
 */
export interface DefinitionChange {
  kind: 'breaking' | 'compatible';
  pointer: string;
  description: string;
  bump: Bump;
}

type Schema = Record<string, unknown> | boolean;
type Emit = (kind: DefinitionChange['kind'], bump: Bump, pointer: string, description: string) => void;

interface Context {
  previousRoot: unknown;
  nextRoot: unknown;
  emit: Emit;
}

/** Keywords that only carry text or hints for people and forms; changing them never changes valid data. */
const TEXT_KEYWORDS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$schema', '$id']);
/** Upper limits: lower or newly added narrows, higher or removed widens. */
const UPPER_LIMITS = new Set(['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties', 'maxContains']);
/** Lower limits: higher or newly added narrows, lower or removed widens. */
const LOWER_LIMITS = new Set(['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties', 'minContains']);
/** Constraints that can only be compared for equality: added or changed narrows, removed widens. */
const OPAQUE_CONSTRAINTS = new Set(['pattern', 'format', 'const', 'contentMediaType', 'contentEncoding', 'dependentRequired', 'propertyNames', 'contains', 'not']);
/** Keywords handled by dedicated code below. */
const HANDLED = new Set([
  ...TEXT_KEYWORDS, ...UPPER_LIMITS, ...LOWER_LIMITS, ...OPAQUE_CONSTRAINTS,
  'type', 'properties', 'required', 'additionalProperties', 'unevaluatedProperties', 'enum', 'multipleOf',
  'uniqueItems', 'items', 'prefixItems', 'unevaluatedItems', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf',
  '$ref', '$defs', 'definitions', 'dependentSchemas', 'x-upload',
]);
/** Metadata fields of a definition: changing them is a compatible patch change. */
const METADATA_FIELDS = ['$schema', 'title', 'description', 'lead', 'leikaKey', 'category', 'keywords', 'legalBasis', 'retentionDays', 'steps', 'source', 'serviceInfo', 'fee'];

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function child(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + tokens.map((t) => `/${escapePointerToken(String(t))}`).join('');
}

/** Types as a set; 'integer' is implied by 'number'. Undefined means "any type". */
function typeSet(schema: Record<string, unknown>): Set<string> | undefined {
  const type = schema.type;
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : undefined;
  if (!list) return undefined;
  const set = new Set(list);
  if (set.has('number')) set.add('integer');
  return set;
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

/** Follows `$ref`s (local JSON pointers) to the schema they mean, merging sibling keywords; bounded depth. */
function resolveRefs(schema: Schema, root: unknown): Schema {
  let current = schema;
  for (let depth = 0; depth < 32 && isRecord(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#'); depth++) {
    let pointer: string;
    try {
      pointer = decodeURIComponent(current.$ref.slice(1));
    } catch {
      return current;
    }
    const target = resolvePointer(root, pointer);
    if (!isRecord(target) && typeof target !== 'boolean') return current;
    const { $ref: _ref, ...siblings } = current;
    if (typeof target === 'boolean') return Object.keys(siblings).length === 0 ? target : siblings;
    current = { ...target, ...siblings };
  }
  return current;
}

function asSchema(value: unknown): Schema {
  return typeof value === 'boolean' || isRecord(value) ? value : true;
}

function compareLimits(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, emit: Emit): void {
  for (const keyword of [...UPPER_LIMITS, ...LOWER_LIMITS]) {
    const before = previous[keyword];
    const after = next[keyword];
    if (same(before, after)) continue;
    const upper = UPPER_LIMITS.has(keyword);
    const at = child(pointer, keyword);
    if (before === undefined) {
      emit('breaking', 'major', at, `constraint narrowed: ${keyword} ${show(after)} added`);
    } else if (after === undefined) {
      emit('compatible', 'minor', at, `constraint widened: ${keyword} ${show(before)} removed`);
    } else if (typeof before === 'number' && typeof after === 'number') {
      const narrowed = upper ? after < before : after > before;
      emit(narrowed ? 'breaking' : 'compatible', narrowed ? 'major' : 'minor', at,
        `constraint ${narrowed ? 'narrowed' : 'widened'}: ${keyword} ${before} -> ${after}`);
    } else {
      emit('breaking', 'major', at, `constraint changed: ${keyword} ${show(before)} -> ${show(after)}`);
    }
  }
}

function compareOpaque(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, emit: Emit): void {
  for (const keyword of OPAQUE_CONSTRAINTS) {
    const before = previous[keyword];
    const after = next[keyword];
    if (same(before, after)) continue;
    const at = child(pointer, keyword);
    if (before === undefined) emit('breaking', 'major', at, `constraint narrowed: ${keyword} ${show(after)} added`);
    else if (after === undefined) emit('compatible', 'minor', at, `constraint widened: ${keyword} ${show(before)} removed`);
    else emit('breaking', 'major', at, `constraint changed: ${keyword} ${show(before)} -> ${show(after)}`);
  }
  if (!same(previous.multipleOf, next.multipleOf)) {
    const before = previous.multipleOf;
    const after = next.multipleOf;
    const at = child(pointer, 'multipleOf');
    if (before === undefined) emit('breaking', 'major', at, `constraint narrowed: multipleOf ${show(after)} added`);
    else if (after === undefined || (typeof before === 'number' && typeof after === 'number' && Number.isInteger(before / after))) {
      emit('compatible', 'minor', at, `constraint widened: multipleOf ${show(before)} -> ${show(after)}`);
    } else emit('breaking', 'major', at, `constraint changed: multipleOf ${show(before)} -> ${show(after)}`);
  }
  if (previous.uniqueItems !== true && next.uniqueItems === true) {
    emit('breaking', 'major', child(pointer, 'uniqueItems'), 'constraint narrowed: uniqueItems added');
  } else if (previous.uniqueItems === true && next.uniqueItems !== true) {
    emit('compatible', 'minor', child(pointer, 'uniqueItems'), 'constraint widened: uniqueItems removed');
  }
}

function compareEnum(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, emit: Emit): void {
  const before = previous.enum;
  const after = next.enum;
  if (same(before, after)) return;
  const at = child(pointer, 'enum');
  if (!Array.isArray(before)) {
    emit('breaking', 'major', at, `constraint narrowed: enum ${show(after)} added`);
    return;
  }
  if (!Array.isArray(after)) {
    emit('compatible', 'minor', at, 'constraint widened: enum removed');
    return;
  }
  const afterKeys = new Set(after.map((v) => canonicalJson(v)));
  const beforeKeys = new Set(before.map((v) => canonicalJson(v)));
  for (const value of before) {
    if (!afterKeys.has(canonicalJson(value))) emit('breaking', 'major', at, `enum value ${show(value)} removed`);
  }
  for (const value of after) {
    if (!beforeKeys.has(canonicalJson(value))) emit('compatible', 'minor', at, `enum value ${show(value)} added`);
  }
}

/** File fields (x-upload): a smaller maxBytes or a type removed narrows; a larger maxBytes or a type added widens. */
function compareUpload(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, emit: Emit): void {
  const before = previous['x-upload'];
  const after = next['x-upload'];
  if (same(before, after)) return;
  const at = child(pointer, 'x-upload');
  if (!isRecord(before) || !isRecord(after)) {
    emit('breaking', 'major', at, before === undefined ? 'file field added to the schema' : 'file field removed from the schema');
    return;
  }
  if (typeof before.maxBytes === 'number' && typeof after.maxBytes === 'number' && before.maxBytes !== after.maxBytes) {
    const narrowed = after.maxBytes < before.maxBytes;
    emit(narrowed ? 'breaking' : 'compatible', narrowed ? 'major' : 'minor', child(at, 'maxBytes'), `constraint ${narrowed ? 'narrowed' : 'widened'}: maxBytes ${before.maxBytes} -> ${after.maxBytes}`);
  }
  const typesBefore = new Set(Array.isArray(before.types) ? (before.types as unknown[]) : []);
  const typesAfter = new Set(Array.isArray(after.types) ? (after.types as unknown[]) : []);
  for (const type of typesBefore) if (!typesAfter.has(type)) emit('breaking', 'major', child(at, 'types'), `file type ${show(type)} removed`);
  for (const type of typesAfter) if (!typesBefore.has(type)) emit('compatible', 'minor', child(at, 'types'), `file type ${show(type)} added`);
}

function compareTexts(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, emit: Emit): void {
  for (const keyword of TEXT_KEYWORDS) {
    if (same(previous[keyword], next[keyword])) continue;
    emit('compatible', 'patch', child(pointer, keyword), `text changed: ${keyword}`);
  }
}

function compareType(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, emit: Emit): void {
  if (same(previous.type, next.type)) return;
  const before = typeSet(previous);
  const after = typeSet(next);
  const at = child(pointer, 'type');
  const widened = after === undefined || (before !== undefined && isSubset(before, after));
  if (widened) emit('compatible', 'minor', at, `type widened: ${show(previous.type)} -> ${show(next.type)}`);
  else emit('breaking', 'major', at, `type changed: ${show(previous.type)} -> ${show(next.type)}`);
}

function compareProperties(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, context: Context): void {
  const { emit } = context;
  const before = isRecord(previous.properties) ? previous.properties : {};
  const after = isRecord(next.properties) ? next.properties : {};
  const requiredBefore = new Set(Array.isArray(previous.required) ? previous.required : []);
  const requiredAfter = new Set(Array.isArray(next.required) ? next.required : []);
  const removed = Object.keys(before).filter((name) => !has(after, name));
  const added = Object.keys(after).filter((name) => !has(before, name));
  const renamedTo = new Map<string, string>();
  for (const name of removed) {
    const match = added.find((candidate) => !([...renamedTo.values()].includes(candidate)) && same(before[name], after[candidate]));
    if (match !== undefined) renamedTo.set(name, match);
  }
  for (const name of removed) {
    const target = renamedTo.get(name);
    if (target !== undefined) {
      emit('breaking', 'major', child(pointer, 'properties', target), `property renamed: "${name}" -> "${target}"`);
    } else {
      emit('breaking', 'major', child(pointer, 'properties', name), `property "${name}" removed`);
    }
  }
  const renamedTargets = new Set(renamedTo.values());
  for (const name of added) {
    if (renamedTargets.has(name)) continue;
    if (requiredAfter.has(name)) emit('breaking', 'major', child(pointer, 'properties', name), `new required property "${name}"`);
    else emit('compatible', 'minor', child(pointer, 'properties', name), `optional property "${name}" added`);
  }
  for (const name of Object.keys(after)) {
    if (!has(before, name)) continue;
    compareSchemas(asSchema(before[name]), asSchema(after[name]), child(pointer, 'properties', name), context);
  }
  for (const name of requiredAfter) {
    if (typeof name === 'string' && !requiredBefore.has(name) && has(before, name)) {
      emit('breaking', 'major', child(pointer, 'properties', name), `property "${name}" became required`);
    }
  }
  for (const name of requiredBefore) {
    if (typeof name === 'string' && !requiredAfter.has(name) && has(after, name)) {
      emit('compatible', 'minor', child(pointer, 'properties', name), `property "${name}" became optional`);
    }
  }
  // Required names without a property schema (e.g. inside if/then branches).
  for (const name of requiredAfter) {
    if (typeof name === 'string' && !requiredBefore.has(name) && !has(before, name) && !has(after, name)) {
      emit('breaking', 'major', child(pointer, 'required'), `property "${name}" became required`);
    }
  }
  for (const name of requiredBefore) {
    if (typeof name === 'string' && !requiredAfter.has(name) && !has(before, name) && !has(after, name)) {
      emit('compatible', 'minor', child(pointer, 'required'), `property "${name}" no longer required`);
    }
  }
}

function compareAdditional(keyword: 'additionalProperties' | 'unevaluatedProperties' | 'unevaluatedItems' | 'items', previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, context: Context): void {
  const before = previous[keyword];
  const after = next[keyword];
  if (same(before, after)) return;
  const at = child(pointer, keyword);
  if (before === undefined || after === undefined) {
    // Absent means "anything"; compare with the permissive `true` schema.
    compareSchemas(asSchema(before ?? true), asSchema(after ?? true), at, context, keyword);
    return;
  }
  compareSchemas(asSchema(before), asSchema(after), at, context, keyword);
}

/** Identity of a list entry for matching across versions: its const value (option lists), else none. */
function constKey(schema: unknown): string | undefined {
  return isRecord(schema) && has(schema, 'const') ? canonicalJson(schema.const) : undefined;
}

/**
 * Pairs the entries of two schema lists: equal entries first, then entries with the same `const` (rjsf option
 * lists `oneOf: [{const, title}]`), then the rest by position. Returns [beforeIndex, afterIndex] pairs with -1
 * for an entry that has no partner.
 */
function pairEntries(before: readonly unknown[], after: readonly unknown[], byPosition: boolean): [number, number][] {
  const pairs: [number, number][] = [];
  const usedAfter = new Set<number>();
  const pairedBefore = new Set<number>();
  if (byPosition) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) pairs.push([i, i]);
    for (let i = common; i < before.length; i++) pairs.push([i, -1]);
    for (let i = common; i < after.length; i++) pairs.push([-1, i]);
    return pairs;
  }
  const afterKeys = after.map((entry) => canonicalJson(entry));
  before.forEach((entry, i) => {
    const key = canonicalJson(entry);
    const j = afterKeys.findIndex((candidate, index) => candidate === key && !usedAfter.has(index));
    if (j >= 0) {
      usedAfter.add(j);
      pairedBefore.add(i);
    }
  });
  before.forEach((entry, i) => {
    const key = constKey(entry);
    if (pairedBefore.has(i) || key === undefined) return;
    const j = after.findIndex((candidate, index) => !usedAfter.has(index) && constKey(candidate) === key);
    if (j >= 0) {
      usedAfter.add(j);
      pairedBefore.add(i);
      pairs.push([i, j]);
    }
  });
  const restBefore = before.map((_, i) => i).filter((i) => !pairedBefore.has(i) && constKey(before[i]) === undefined);
  const restAfter = after.map((_, j) => j).filter((j) => !usedAfter.has(j) && constKey(after[j]) === undefined);
  const common = Math.min(restBefore.length, restAfter.length);
  for (let k = 0; k < common; k++) {
    pairs.push([restBefore[k]!, restAfter[k]!]);
    pairedBefore.add(restBefore[k]!);
    usedAfter.add(restAfter[k]!);
  }
  before.forEach((_, i) => {
    if (!pairedBefore.has(i)) pairs.push([i, -1]);
  });
  after.forEach((_, j) => {
    if (!usedAfter.has(j)) pairs.push([-1, j]);
  });
  return pairs;
}

function compareSchemaList(keyword: 'allOf' | 'anyOf' | 'oneOf' | 'prefixItems', previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, context: Context): void {
  const before = Array.isArray(previous[keyword]) ? (previous[keyword] as unknown[]) : [];
  const after = Array.isArray(next[keyword]) ? (next[keyword] as unknown[]) : [];
  if (same(before, after)) return;
  const { emit } = context;
  // More allOf/prefixItems entries restrict data; more anyOf/oneOf branches allow more.
  const addingNarrows = keyword === 'allOf' || keyword === 'prefixItems';
  for (const [i, j] of pairEntries(before, after, keyword === 'prefixItems')) {
    if (i >= 0 && j >= 0) {
      compareSchemas(asSchema(before[i]), asSchema(after[j]), child(pointer, keyword, j), context);
    } else if (j >= 0) {
      const option = constKey(after[j]);
      const what = option !== undefined ? `option ${option} added` : addingNarrows ? `${keyword} entry added (adds requirements)` : `${keyword} alternative added`;
      emit(addingNarrows ? 'breaking' : 'compatible', addingNarrows ? 'major' : 'minor', child(pointer, keyword, j), what);
    } else {
      const option = constKey(before[i]);
      const what = option !== undefined ? `option ${option} removed` : addingNarrows ? `${keyword} entry removed` : `${keyword} alternative removed`;
      emit(addingNarrows ? 'compatible' : 'breaking', addingNarrows ? 'minor' : 'major', child(pointer, keyword, i), what);
    }
  }
}

/** The finite set of values a schema allows (enum, const, or oneOf/anyOf of consts), as canonical JSON. */
function allowedValues(schema: unknown, root: unknown): Set<string> | undefined {
  const resolved = resolveRefs(asSchema(schema), root);
  if (!isRecord(resolved)) return undefined;
  if (Array.isArray(resolved.enum)) return new Set(resolved.enum.map((v) => canonicalJson(v)));
  if (has(resolved, 'const')) return new Set([canonicalJson(resolved.const)]);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = resolved[keyword];
    if (Array.isArray(list) && list.length > 0 && list.every((entry) => constKey(entry) !== undefined)) {
      return new Set(list.map((entry) => constKey(entry)!));
    }
  }
  return undefined;
}

/**
 * True when a changed `if` only differs in the values it matches (enum/const of its properties) and the new
 * values could not occur in data of the previous version, while no previously matched value is dropped from
 * a condition that has an `else`. Then data valid before meets exactly the same requirements.
 */
function isConditionChangeHarmless(previous: Record<string, unknown>, next: Record<string, unknown>, context: Context): boolean {
  const before = previous.if;
  const after = next.if;
  if (!isRecord(before) || !isRecord(after)) return false;
  const strip = (schema: Record<string, unknown>): unknown => {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    return {
      ...schema,
      properties: Object.fromEntries(Object.entries(properties).map(([name, s]) => {
        if (!isRecord(s)) return [name, s];
        const { enum: _e, const: _c, ...rest } = s;
        return [name, rest];
      })),
    };
  };
  if (!same(strip(before), strip(after))) return false;
  const beforeProperties = isRecord(before.properties) ? before.properties : {};
  const afterProperties = isRecord(after.properties) ? after.properties : {};
  const dataProperties = isRecord(previous.properties) ? previous.properties : {};
  for (const name of Object.keys(afterProperties)) {
    const matchedBefore = allowedValues(beforeProperties[name], context.previousRoot);
    const matchedAfter = allowedValues(afterProperties[name], context.nextRoot);
    if (same(beforeProperties[name], afterProperties[name])) continue;
    if (!matchedBefore || !matchedAfter) return false;
    const possibleBefore = allowedValues(dataProperties[name], context.previousRoot);
    for (const value of matchedAfter) {
      if (matchedBefore.has(value)) continue;
      if (!possibleBefore || possibleBefore.has(value)) return false;
    }
    for (const value of matchedBefore) {
      if (!matchedAfter.has(value) && has(next, 'else')) return false;
    }
  }
  return true;
}

function compareConditional(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, context: Context): void {
  const { emit } = context;
  const hadIf = has(previous, 'if');
  const hasIf = has(next, 'if');
  if (!hadIf && !hasIf) return;
  if (!hadIf) {
    emit('breaking', 'major', child(pointer, 'if'), 'conditional requirement (if/then/else) added');
    return;
  }
  if (!hasIf) {
    emit('compatible', 'minor', child(pointer, 'if'), 'conditional requirement (if/then/else) removed');
    return;
  }
  if (!same(previous.if, next.if)) {
    if (isConditionChangeHarmless(previous, next, context)) {
      emit('compatible', 'minor', child(pointer, 'if'), 'condition (if) extended to values the previous version did not allow');
    } else {
      emit('breaking', 'major', child(pointer, 'if'), 'condition (if) changed: the cases its requirements apply to change');
    }
  }
  for (const branch of ['then', 'else'] as const) {
    compareSchemas(asSchema(previous[branch] ?? true), asSchema(next[branch] ?? true), child(pointer, branch), context, branch);
  }
}

function compareDefs(previous: Record<string, unknown>, next: Record<string, unknown>, pointer: string, context: Context): void {
  for (const keyword of ['$defs', 'definitions', 'dependentSchemas'] as const) {
    const before = isRecord(previous[keyword]) ? (previous[keyword] as Record<string, unknown>) : {};
    const after = isRecord(next[keyword]) ? (next[keyword] as Record<string, unknown>) : {};
    for (const name of Object.keys(before)) {
      if (!has(after, name)) {
        if (keyword === 'dependentSchemas') context.emit('compatible', 'minor', child(pointer, keyword, name), `dependent schema "${name}" removed`);
        else context.emit('compatible', 'patch', child(pointer, keyword, name), `definition "${name}" removed`);
      }
    }
    for (const name of Object.keys(after)) {
      if (!has(before, name)) {
        if (keyword === 'dependentSchemas') context.emit('breaking', 'major', child(pointer, keyword, name), `dependent schema "${name}" added (adds requirements)`);
        else context.emit('compatible', 'patch', child(pointer, keyword, name), `definition "${name}" added`);
      } else {
        compareSchemas(asSchema(before[name]), asSchema(after[name]), child(pointer, keyword, name), context);
      }
    }
  }
}

/**
 * Compares two schemas of the same data location. A shared `$ref` is compared once, under `$defs`;
 * differing refs (or a ref replaced by an inline schema) are resolved and compared structurally.
 */
function compareSchemas(previousRaw: Schema, nextRaw: Schema, pointer: string, context: Context, role = 'schema'): void {
  if (same(previousRaw, nextRaw)) return;
  const { emit } = context;
  const sameRef = isRecord(previousRaw) && isRecord(nextRaw) && typeof previousRaw.$ref === 'string' && previousRaw.$ref === nextRaw.$ref;
  let previous: Schema = previousRaw;
  let next: Schema = nextRaw;
  if (sameRef) {
    const { $ref: _a, ...previousSiblings } = previousRaw as Record<string, unknown>;
    const { $ref: _b, ...nextSiblings } = nextRaw as Record<string, unknown>;
    previous = previousSiblings;
    next = nextSiblings;
  } else {
    previous = resolveRefs(previousRaw, context.previousRoot);
    next = resolveRefs(nextRaw, context.nextRoot);
    if (same(previous, next)) return;
  }
  if (typeof previous === 'boolean' || typeof next === 'boolean') {
    const acceptsAllBefore = previous === true || (isRecord(previous) && Object.keys(previous).length === 0);
    const acceptsAllAfter = next === true || (isRecord(next) && Object.keys(next).length === 0);
    if (next === false || (acceptsAllBefore && !acceptsAllAfter)) {
      emit('breaking', 'major', pointer, role === 'additionalProperties' ? 'additionalProperties tightened' : `${role} narrowed`);
    } else {
      emit('compatible', 'minor', pointer, role === 'additionalProperties' ? 'additionalProperties loosened' : `${role} widened`);
    }
    return;
  }
  compareTexts(previous, next, pointer, emit);
  compareType(previous, next, pointer, emit);
  compareEnum(previous, next, pointer, emit);
  compareLimits(previous, next, pointer, emit);
  compareOpaque(previous, next, pointer, emit);
  compareUpload(previous, next, pointer, emit);
  compareProperties(previous, next, pointer, context);
  for (const keyword of ['additionalProperties', 'unevaluatedProperties', 'items', 'unevaluatedItems'] as const) {
    compareAdditional(keyword, previous, next, pointer, context);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const) {
    compareSchemaList(keyword, previous, next, pointer, context);
  }
  compareConditional(previous, next, pointer, context);
  compareDefs(previous, next, pointer, context);
  for (const keyword of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (HANDLED.has(keyword) || same(previous[keyword], next[keyword])) continue;
    emit('breaking', 'major', child(pointer, keyword), `keyword "${keyword}" changed (treated as breaking)`);
  }
}

/** Differences between two JSON values as leaf pointers (for uiSchema and metadata). */
function leafDifferences(before: unknown, after: unknown, pointer: string, out: string[]): void {
  if (same(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      leafDifferences(before[key], after[key], child(pointer, key), out);
    }
    return;
  }
  out.push(pointer);
}

/**
 * Classifies every difference between two versions of a form definition (see DefinitionChange). Data schema
 * changes are compared keyword by keyword, recursing into nested objects, arrays, conditionals and $defs;
 * uiSchema, steps and metadata changes are compatible patch changes. `version` and `changelog` are expected to
 * differ and are not reported. Both inputs should have passed checkDefinition.
 */
export function diffDefinitions(previous: unknown, next: unknown): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const seen = new Set<string>();
  const emit: Emit = (kind, bump, pointer, description) => {
    const key = `${kind}|${pointer}|${description}`;
    if (seen.has(key)) return;
    seen.add(key);
    changes.push({ kind, pointer, description, bump });
  };
  const before = isRecord(previous) ? previous : {};
  const after = isRecord(next) ? next : {};
  if (!same(before.id, after.id)) emit('breaking', 'major', '/id', `service id changed: ${show(before.id)} -> ${show(after.id)}`);
  compareSchemas(asSchema(before.schema ?? {}), asSchema(after.schema ?? {}), '/schema', {
    previousRoot: before.schema,
    nextRoot: after.schema,
    emit,
  });
  const uiPointers: string[] = [];
  leafDifferences(before.uiSchema, after.uiSchema, '/uiSchema', uiPointers);
  for (const pointer of uiPointers) emit('compatible', 'patch', pointer, 'uiSchema changed');
  for (const field of METADATA_FIELDS) {
    if (!same(before[field], after[field])) emit('compatible', 'patch', `/${escapePointerToken(field)}`, `metadata changed: ${field}`);
  }
  return changes;
}

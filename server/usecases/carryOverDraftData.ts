import type { FormDefinition, FormValidator } from '../../engine/index.ts';

type JsonObject = Record<string, unknown>;
type Schema = { properties?: Record<string, Schema>; items?: Schema; title?: string; type?: unknown };

export interface CarriedOverData {
  data: JsonObject;
  /** Pointers ('/hund/rasse') of answers that were dropped. */
  dropped: string[];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function prune(value: unknown, schema: Schema | undefined, pointer: string, dropped: string[]): unknown {
  if (!schema) return value;
  if (isObject(value) && isObject(schema.properties)) {
    const kept: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const childSchema = schema.properties[key];
      if (!childSchema) dropped.push(childPointer);
      else kept[key] = prune(child, childSchema, childPointer, dropped);
    }
    return kept;
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    return value.map((item, index) => prune(item, schema.items, `${pointer}/${index}`, dropped));
  }
  return value;
}

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Removes the value at `pointer`; whether there was one. */
function removeAt(root: JsonObject, pointer: string): boolean {
  const path = tokens(pointer);
  const last = path.pop();
  if (last === undefined) return false;
  let current: unknown = root;
  for (const token of path) {
    if (!isObject(current) && !Array.isArray(current)) return false;
    current = (current as JsonObject)[token];
  }
  if (isObject(current) && Object.prototype.hasOwnProperty.call(current, last)) {
    delete current[last];
    return true;
  }
  return false;
}

// Errors about something missing are fine in a draft; only present answers that are now invalid are dropped.
const MISSING_KEYWORDS = new Set(['required', 'dependentRequired', 'minItems', 'minProperties', 'if']);

/**
 * Carries a draft's answers over to a newer compatible version of its service: answers the new schema no longer
 * knows are dropped, and so is any present answer the new schema rejects (e.g. an option that was removed);
 * everything else is kept. Missing answers are left for the citizen to fill in.
 */
export function carryOverDraftData(validator: FormValidator, definition: FormDefinition, data: JsonObject): CarriedOverData {
  const dropped: string[] = [];
  const pruned = prune(structuredClone(data), definition.schema as Schema, '', dropped) as JsonObject;
  for (let round = 0; round < 5; round++) {
    const result = validator.validate(definition, pruned);
    const removable = result.errors.filter((error) => !MISSING_KEYWORDS.has(error.keyword) && error.pointer !== '');
    let removed = false;
    for (const error of removable) {
      if (removeAt(pruned, error.pointer)) {
        dropped.push(error.pointer);
        removed = true;
      }
    }
    if (!removed) break;
  }
  return { data: pruned, dropped };
}

/** The title of the field at a pointer in a data schema ('Rasse'), or the pointer's last token. */
export function getTitleAtPointer(schema: unknown, pointer: string): string {
  let current = schema as Schema | undefined;
  const path = tokens(pointer);
  for (const token of path) {
    if (!current) break;
    current = /^\d+$/.test(token) && current.items ? current.items : current.properties?.[token];
  }
  return typeof current?.title === 'string' && current.title ? current.title : (path[path.length - 1] ?? pointer);
}

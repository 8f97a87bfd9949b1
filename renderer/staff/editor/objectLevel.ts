import type { DraftDefinition, JsonObject } from './editorTypes.ts';

/** One object of the data schema (the root or a group) with its uiSchema node and its conditional branches. */
export interface ObjectLevel {
  schema: JsonObject;
  ui: JsonObject;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `properties` of an object schema, created when missing. */
export function propertiesOf(schema: JsonObject): JsonObject {
  if (!isObject(schema.properties)) schema.properties = {};
  return schema.properties as JsonObject;
}

/** The `if/then(/else)` entries of an object schema's `allOf`. */
export function conditionEntries(schema: JsonObject): JsonObject[] {
  if (!Array.isArray(schema.allOf)) return [];
  return schema.allOf.filter((entry): entry is JsonObject => isObject(entry) && isObject(entry.if) && isObject(entry.then));
}

/** The schema of a direct property (conditions never declare properties: the engine wants them all in `properties`). */
export function findProperty(schema: JsonObject, name: string): JsonObject | undefined {
  const direct = isObject(schema.properties) ? schema.properties[name] : undefined;
  return isObject(direct) ? direct : undefined;
}

/** uiSchema node of a property, created when missing. */
export function uiOf(level: ObjectLevel, name: string): JsonObject {
  if (!isObject(level.ui[name])) level.ui[name] = {};
  return level.ui[name] as JsonObject;
}

/**
 * Resolves the object level at `path` (property names of groups from the root) in a definition that the caller
 * may mutate; uiSchema nodes are created on the way. Returns undefined when a path segment is not an object.
 */
export function resolveLevel(definition: DraftDefinition, path: readonly string[]): ObjectLevel | undefined {
  if (!isObject(definition.uiSchema)) definition.uiSchema = {};
  let level: ObjectLevel = { schema: definition.schema, ui: definition.uiSchema };
  for (const name of path) {
    const child = findProperty(level.schema, name);
    if (!child || child.type !== 'object') return undefined;
    level = { schema: child, ui: uiOf(level, name) };
  }
  return level;
}

/** Property names of a level in display order: `ui:order` first, then the rest in schema order. */
export function orderedNames(level: ObjectLevel): string[] {
  const names = isObject(level.schema.properties) ? Object.keys(level.schema.properties) : [];
  const order = Array.isArray(level.ui['ui:order']) ? (level.ui['ui:order'] as unknown[]) : [];
  const ordered = order.filter((name): name is string => typeof name === 'string' && names.includes(name));
  return [...ordered, ...names.filter((name) => !ordered.includes(name))];
}

/** Writes `ui:order` of a level (always complete, so rjsf never throws on a missing property). */
export function writeOrder(level: ObjectLevel, names: string[]): void {
  level.ui['ui:order'] = [...names];
}

/** The `required` list of a schema, created when missing. */
export function requiredOf(schema: JsonObject): string[] {
  if (!Array.isArray(schema.required)) schema.required = [];
  return schema.required as string[];
}

/** Removes `name` from a schema's `required`, dropping an emptied list. */
export function removeRequired(schema: JsonObject, name: string): void {
  if (!Array.isArray(schema.required)) return;
  schema.required = (schema.required as unknown[]).filter((entry) => entry !== name);
  if ((schema.required as unknown[]).length === 0) delete schema.required;
}

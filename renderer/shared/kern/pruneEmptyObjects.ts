import type { RJSFSchema } from '@rjsf/utils';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `data` without empty objects ({}) in properties the schema does not list as required. rjsf creates
 * such placeholders for optional nested objects (e.g. one that only an if/then makes relevant); left in, they would
 * make the object's own required fields mandatory. Required objects stay, so their fields report as missing.
 */
export function pruneEmptyObjects<T>(data: T, schema: RJSFSchema | undefined): T {
  if (!isObject(data)) return data;
  const properties = (isObject(schema?.properties) ? schema.properties : {}) as Record<string, RJSFSchema>;
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const pruned = isObject(value) ? pruneEmptyObjects(value, properties[key]) : value;
    if (isObject(pruned) && Object.keys(pruned).length === 0 && !required.includes(key)) continue;
    result[key] = pruned;
  }
  return result as T;
}

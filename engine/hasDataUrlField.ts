import { isRecord } from './isRecord.ts';
import { SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_SINGLES } from './schemaKeywords.ts';

/**
 * Whether a data schema still has a file field of the old kind (`"format": "data-url"`: the file inside the JSON),
 * as published versions before `x-upload` do. Such versions keep a larger submission body limit.
 */
export function hasDataUrlField(schema: unknown, depth = 0): boolean {
  if (!isRecord(schema) || depth > 64) return false;
  if (schema.format === 'data-url') return true;
  for (const keyword of SCHEMA_MAPS) {
    const map = schema[keyword];
    if (isRecord(map) && Object.values(map).some((child) => hasDataUrlField(child, depth + 1))) return true;
  }
  for (const keyword of SCHEMA_SINGLES) if (hasDataUrlField(schema[keyword], depth + 1)) return true;
  for (const keyword of SCHEMA_LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list) && list.some((child) => hasDataUrlField(child, depth + 1))) return true;
  }
  return false;
}

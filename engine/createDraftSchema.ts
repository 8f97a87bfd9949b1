import { isRecord } from './isRecord.ts';
import { UPLOAD_KEYWORD } from './uploadField.ts';

/**
 * What a draft keeps of a schema: its shape and size limits, nothing that demands complete answers. A file field keeps
 * its `x-upload` keyword: its value is the upload's reference, complete once the file is uploaded.
 */
const KEPT_KEYWORDS = new Set(['type', 'properties', 'additionalProperties', 'items', 'maxLength', 'maxItems', 'maxProperties', '$defs', '$ref', 'title', UPLOAD_KEYWORD]);

/**
 * Derives the schema a citizen's unfinished draft must match from a form's data schema: the same known
 * properties (closed objects stay closed), types and maximum sizes, but no required fields, minimums, patterns,
 * formats, choices or conditions, because a half-filled form may break any of those. A draft can hold nothing the
 * form does not have, and nothing larger than the form allows.
 */
export function createDraftSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(createDraftSchema);
  if (!isRecord(schema)) return schema;
  const draft: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (!KEPT_KEYWORDS.has(keyword)) continue;
    if (keyword === 'properties' || keyword === '$defs') {
      draft[keyword] = isRecord(value) ? Object.fromEntries(Object.entries(value).map(([name, child]) => [name, createDraftSchema(child)])) : value;
    } else if (keyword === 'items' || keyword === 'additionalProperties') {
      draft[keyword] = createDraftSchema(value);
    } else {
      draft[keyword] = value;
    }
  }
  return draft;
}

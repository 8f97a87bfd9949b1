import { isPlainObject } from './ImportReport.ts';

/** The families of foreign forms the import reads. */
export const FOREIGN_FORM_KINDS = ['jsonschema', 'digiwf', 'formio', 'surveyjs'] as const;
export type ForeignFormKind = (typeof FOREIGN_FORM_KINDS)[number];

function hasVendorKeywords(value: unknown, depth = 0): boolean {
  if (depth > 12 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((entry) => hasVendorKeywords(entry, depth + 1));
  const record = value as Record<string, unknown>;
  if ('x-display' in record || 'x-props' in record || 'x-options' in record || 'x-rules' in record || 'fieldType' in record) return true;
  return Object.values(record).some((entry) => hasVendorKeywords(entry, depth + 1));
}

/**
 * Which family a parsed source file belongs to: Form.io (`components` with `type`), SurveyJS (`pages`,
 * `questions`, or `elements` with `type` and `name`), DigiWF (a JSON Schema with `x-display`/`x-props`/`allOf`
 * sections), else JSON Schema (bare, rjsf `{schema, uiSchema}` or JSON Forms `{schema, uischema}`).
 * Undefined when it is none of them.
 */
export function detectFormKind(source: unknown): ForeignFormKind | undefined {
  if (!isPlainObject(source)) return undefined;
  const typed = (list: unknown, needsName: boolean): boolean =>
    Array.isArray(list) && list.some((entry) => isPlainObject(entry) && typeof entry.type === 'string' && (!needsName || typeof entry.name === 'string'));
  if (typed(source.components, false)) return 'formio';
  if (Array.isArray(source.pages) || typed(source.questions, true) || typed(source.elements, true)) return 'surveyjs';
  const schema = isPlainObject(source.schema) ? source.schema : source;
  if (!isPlainObject(schema)) return undefined;
  if (hasVendorKeywords(schema)) return 'digiwf';
  if (schema.type === 'object' || isPlainObject(schema.properties) || Array.isArray(schema.allOf) || typeof schema.$ref === 'string') return 'jsonschema';
  return undefined;
}

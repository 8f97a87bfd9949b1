import type { ImportedStep, UiSchema } from './mapUiSchema.ts';
import type { JsonSchema } from './normalizeSchema.ts';

/** What a family's converter hands to the common normalisation: a JSON Schema still to be made safe. */
export interface RawForm {
  title?: string;
  description?: string;
  /** Name or key of the form in its source system. */
  sourceId?: string;
  schema: JsonSchema;
  /** JSON pointer of `schema` inside the source file ('' when the file is the schema). */
  schemaPath: string;
  uiSchema: UiSchema;
  steps: ImportedStep[];
  /** Labels for vendor keywords the normaliser drops (e.g. DigiWF's layout keywords). */
  describeKeyword?: (keyword: string) => string | undefined;
  /** Source paths of the top-level properties (converted formats). */
  propertyPaths?: Record<string, string>;
}

/** A German text of a possibly localised value ({ default, de, en } in SurveyJS). */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of ['de', 'default', 'en']) if (typeof record[key] === 'string') return record[key] as string;
    const first = Object.values(record).find((entry) => typeof entry === 'string');
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

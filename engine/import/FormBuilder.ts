import { isPlainObject, RESERVED_NAMES, type ImportReporter } from './ImportReport.ts';
import type { ImportedStep, UiSchema } from './mapUiSchema.ts';
import { FILE_MAX_LENGTH, FILE_PATTERN, type JsonSchema } from './normalizeSchema.ts';

/** A declarative condition of a source: field `when` equals `value`. */
export interface SimpleCondition {
  when: string;
  value: unknown;
}

/** Collects the properties of one object level while a component tree (Form.io, SurveyJS) is converted. */
export class ObjectBuilder {
  readonly properties: Record<string, JsonSchema> = {};
  readonly required: string[] = [];
  readonly ui: UiSchema = {};
  readonly paths: Record<string, string> = {};
  /** Fields required only when a condition holds: become if/then rules. */
  readonly conditional: { name: string; condition: SimpleCondition; path: string }[] = [];

  constructor(private readonly report: ImportReporter) {}

  /** Adds a property; a name taken already is reported and skipped. Returns whether it was added. */
  add(name: string, schema: JsonSchema, ui: UiSchema, path: string): boolean {
    if (RESERVED_NAMES.has(name)) {
      this.report.add(path, 'component-dropped', `Der Feldname „${name}“ ist nicht zulässig; das Feld wurde nicht übernommen.`);
      return false;
    }
    if (Object.prototype.hasOwnProperty.call(this.properties, name)) {
      this.report.add(path, 'name-duplicate', `Der Feldname „${name}“ kommt mehrfach vor; nur das erste Feld wurde übernommen.`);
      return false;
    }
    this.properties[name] = schema;
    this.paths[name] = path;
    if (Object.keys(ui).length > 0) this.ui[name] = ui;
    return true;
  }

  /** The object schema: properties, required, and one if/then per conditionally required field. */
  toSchema(extra: JsonSchema = {}): JsonSchema {
    const rules: JsonSchema[] = [];
    for (const { name, condition, path } of this.conditional) {
      const target = this.properties[condition.when];
      if (!target) {
        this.report.add(path, 'condition-dropped', `Die Bedingung für „${name}“ bezieht sich auf „${condition.when}“, das es auf dieser Ebene nicht gibt; „${name}“ ist ein freiwilliges Feld.`);
        continue;
      }
      const value = coerceTo(target, condition.value);
      const test: JsonSchema = Array.isArray(target.items) || target.type === 'array' ? { contains: { const: value } } : { const: value };
      rules.push({ if: { properties: { [condition.when]: test }, required: [condition.when] }, then: { required: [name] } });
      this.report.add(path, 'condition-mapped', `„${name}“ ist Pflicht, wenn „${condition.when}“ den Wert ${JSON.stringify(value)} hat (als if/then übernommen).`);
    }
    return {
      type: 'object',
      ...extra,
      properties: this.properties,
      ...(this.required.length > 0 ? { required: [...new Set(this.required)] } : {}),
      ...(rules.length > 0 ? { allOf: rules } : {}),
    };
  }
}

/** The value of a condition in the type of the field it tests ("5" for a number field is 5). */
export function coerceTo(target: JsonSchema, value: unknown): unknown {
  const type = target.type === 'array' && isPlainObject(target.items) ? target.items.type : target.type;
  if ((type === 'number' || type === 'integer') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'string' && typeof value === 'number') return String(value);
  return value;
}

/** An attachment as the catalogue models it: a data URL of a PDF, JPEG or PNG, or a list of them. */
export function fileSchema(title: string | undefined, multiple: boolean, maxFiles = 10): JsonSchema {
  const file: JsonSchema = { type: 'string', format: 'data-url', maxLength: FILE_MAX_LENGTH, pattern: FILE_PATTERN };
  if (!multiple) return { ...(title ? { title } : {}), ...file };
  return { type: 'array', ...(title ? { title } : {}), items: file, maxItems: maxFiles };
}

/** Turns the choice list of a source into `oneOf` const/title entries (duplicates dropped). */
export function choicesToOneOf(choices: readonly { value: unknown; label: string }[]): JsonSchema[] {
  const seen = new Set<string>();
  const result: JsonSchema[] = [];
  for (const choice of choices) {
    const key = JSON.stringify(choice.value);
    if (seen.has(key) || choice.value === undefined || choice.value === null || typeof choice.value === 'object') continue;
    seen.add(key);
    result.push({ const: choice.value, title: choice.label || String(choice.value) });
  }
  return result;
}

/** The type of the values of a choice list. */
export function choiceType(oneOf: readonly JsonSchema[]): string {
  const values = oneOf.map((choice) => choice.const);
  if (values.length > 0 && values.every((value) => typeof value === 'number')) return values.every(Number.isInteger) ? 'integer' : 'number';
  if (values.length > 0 && values.every((value) => typeof value === 'boolean')) return 'boolean';
  return 'string';
}

/** Fixes steps so that every top-level property is on exactly one page; drops empty pages. */
export function settleSteps(steps: readonly ImportedStep[], names: readonly string[], report: ImportReporter, path: string): ImportedStep[] {
  const known = new Set(names);
  const placed = new Set<string>();
  const result: ImportedStep[] = [];
  for (const step of steps) {
    const properties = step.properties.filter((name) => known.has(name) && !placed.has(name));
    properties.forEach((name) => placed.add(name));
    if (properties.length > 0) result.push({ title: step.title.trim().slice(0, 120) || `Schritt ${result.length + 1}`, properties });
  }
  const rest = names.filter((name) => !placed.has(name));
  if (result.length > 0 && rest.length > 0) result.push({ title: 'Weitere Angaben', properties: rest });
  if (result.length < 2) return [];
  if (result.length > 20 || result.some((step) => step.properties.length > 200)) {
    report.add(path, 'steps-omitted', `Die ${result.length} Seiten überschreiten die Grenze von 20 Schritten; der Entwurf hat keine Schritte.`);
    return [];
  }
  return result;
}

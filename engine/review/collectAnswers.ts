import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { formatDateTime } from '../formatDateTime.ts';
import { formatFileSize } from '../formatFileSize.ts';
import { getDataUrlFileName } from './getDataUrlFileName.ts';
import { createLazyValue } from '../createLazyValue.ts';

/** One line or one group of the answer summary (review page, confirmation, download, staff inbox). */
export type AnswerNode =
  | { kind: 'value'; key: string; label: string; text: string }
  | { kind: 'group'; key: string; label: string; children: AnswerNode[] };

export const NO_ANSWER = 'Keine Angabe';

const numberFormat = createLazyValue(() => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 10 }));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function uiTitle(uiSchema: UiSchema | undefined): string | undefined {
  const title = uiSchema?.['ui:title'] ?? (uiSchema?.['ui:options'] as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title ? title : undefined;
}

function isHidden(uiSchema: UiSchema | undefined): boolean {
  return uiSchema?.['ui:widget'] === 'hidden' || uiSchema?.['ui:field'] === 'hidden';
}

/** 'YYYY-MM-DD' as 'dd.mm.yyyy'; other strings unchanged. */
export function formatGermanDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

function optionTitle(schema: RJSFSchema, uiSchema: UiSchema | undefined, value: unknown): string | undefined {
  const options = (schema.oneOf ?? schema.anyOf) as RJSFSchema[] | undefined;
  const match = options?.find((option) => isRecord(option) && 'const' in option && option.const === value);
  if (match && typeof match.title === 'string') return match.title;
  if (Array.isArray(schema.enum)) {
    const index = schema.enum.indexOf(value as never);
    const names = uiSchema?.['ui:enumNames'] ?? (uiSchema?.['ui:options'] as { enumNames?: unknown } | undefined)?.enumNames;
    if (index >= 0 && Array.isArray(names) && typeof names[index] === 'string') return names[index] as string;
  }
  return undefined;
}

/** A single answer as citizens read it: enum titles, Ja/Nein, dd.mm.yyyy, file names, German numbers. */
export function formatAnswer(schema: RJSFSchema, uiSchema: UiSchema | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return NO_ANSWER;
  if (Array.isArray(value)) {
    if (value.length === 0) return NO_ANSWER;
    const itemSchema = (isRecord(schema.items) ? schema.items : {}) as RJSFSchema;
    return value.map((item) => formatAnswer(itemSchema, uiSchema?.items as UiSchema | undefined, item)).join(', ');
  }
  // A file field (x-upload): its reference { id | token, name, type, size, sha256 }.
  if (isRecord(value) && typeof value.name === 'string' && typeof value.sha256 === 'string') {
    return typeof value.size === 'number' ? `${value.name} (${formatFileSize(value.size)})` : value.name;
  }
  const title = optionTitle(schema, uiSchema, value);
  if (title !== undefined) return title;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (typeof value === 'number') return numberFormat().format(value);
  if (typeof value === 'string') {
    const fileName = getDataUrlFileName(value);
    if (fileName !== undefined || schema.format === 'data-url') return fileName ?? 'Datei';
    if (schema.format === 'date' || schema.format === 'past-date') return formatGermanDate(value);
    if (schema.format === 'date-time') return formatDateTime(value);
    return value;
  }
  return JSON.stringify(value);
}

function orderedKeys(schema: RJSFSchema, uiSchema: UiSchema | undefined): string[] {
  const keys = Object.keys((schema.properties ?? {}) as Record<string, unknown>);
  const order = uiSchema?.['ui:order'];
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((key): key is string => typeof key === 'string' && key !== '*' && keys.includes(key));
  const rest = keys.filter((key) => !listed.includes(key));
  const star = order.indexOf('*');
  return star === -1 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
}

function collectProperty(
  key: string,
  label: string,
  schema: RJSFSchema,
  uiSchema: UiSchema | undefined,
  value: unknown,
): AnswerNode | undefined {
  if (isHidden(uiSchema)) return undefined;
  if (schema.type === 'object' && isRecord(schema.properties)) {
    return { kind: 'group', key, label, children: collectAnswers(schema, uiSchema, isRecord(value) ? value : {}, key) };
  }
  const itemSchema = isRecord(schema.items) ? (schema.items as RJSFSchema) : undefined;
  if (schema.type === 'array' && itemSchema?.type === 'object' && isRecord(itemSchema.properties)) {
    const items = Array.isArray(value) ? value : [];
    if (items.length === 0) return { kind: 'value', key, label, text: NO_ANSWER };
    return {
      kind: 'group',
      key,
      label,
      children: items.map((item, index) => ({
        kind: 'group' as const,
        key: `${key}.${index}`,
        label: `Eintrag ${index + 1}`,
        children: collectAnswers(itemSchema, uiSchema?.items as UiSchema | undefined, isRecord(item) ? item : {}, `${key}.${index}`),
      })),
    };
  }
  return { kind: 'value', key, label, text: formatAnswer(schema, uiSchema, value) };
}

/**
 * The answers of `data` in form order, labelled with ui:title / schema titles, nested objects and lists of
 * objects as groups. `only` limits the top level to some properties (one step of a multi-step form).
 */
export function collectAnswers(
  schema: RJSFSchema,
  uiSchema: UiSchema | undefined,
  data: Record<string, unknown>,
  prefix = '',
  only?: readonly string[],
): AnswerNode[] {
  const properties = (schema.properties ?? {}) as Record<string, RJSFSchema>;
  const nodes: AnswerNode[] = [];
  for (const name of orderedKeys(schema, uiSchema)) {
    if (only && !only.includes(name)) continue;
    const propertySchema = properties[name];
    if (!isRecord(propertySchema)) continue;
    const propertyUi = uiSchema?.[name] as UiSchema | undefined;
    const label = uiTitle(propertyUi) ?? (typeof propertySchema.title === 'string' ? propertySchema.title : name);
    const node = collectProperty(prefix ? `${prefix}.${name}` : name, label, propertySchema, propertyUi, data[name]);
    if (node) nodes.push(node);
  }
  return nodes;
}

import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** Splits an rjsf error property ('.address.street', 'name', '.items.0.name') into path segments. */
export function toPathSegments(property: string | undefined): string[] {
  if (!property) return [];
  return property.split('.').filter((segment) => segment !== '');
}

/** The rjsf id of the control at a data path: 'root_address_street'. */
export function toFieldId(segments: readonly string[]): string {
  return ['root', ...segments].join('_');
}

function titleOf(schema: RJSFSchema | undefined, uiSchema: UiSchema | undefined, fallback: string): string {
  const uiTitle = uiSchema?.['ui:title'] ?? (uiSchema?.['ui:options'] as { title?: unknown } | undefined)?.title;
  if (typeof uiTitle === 'string' && uiTitle) return uiTitle;
  if (schema && typeof schema.title === 'string' && schema.title) return schema.title;
  return fallback;
}

/**
 * The human label of the field at a data path, from ui:title or the schema title ("Straße"; inside lists
 * "Kinder, Eintrag 2: Vorname"). Falls back to the property name.
 */
export function getFieldLabel(rootSchema: RJSFSchema, rootUiSchema: UiSchema | undefined, segments: readonly string[]): string {
  let schema: RJSFSchema | undefined = rootSchema;
  let uiSchema: UiSchema | undefined = rootUiSchema;
  const parts: string[] = [];
  let pendingList: string | undefined;
  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    const properties = schema?.properties as Record<string, RJSFSchema> | undefined;
    if (properties && Object.prototype.hasOwnProperty.call(properties, segment)) {
      schema = properties[segment];
      uiSchema = uiSchema?.[segment] as UiSchema | undefined;
      const title = titleOf(schema, uiSchema, segment);
      if (isLast || schema?.type === 'array') pendingList = undefined;
      if (isLast) parts.push(title);
      else if (schema?.type === 'array') pendingList = title;
    } else if (/^\d+$/.test(segment) && schema?.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
      schema = schema.items as RJSFSchema;
      uiSchema = uiSchema?.items as UiSchema | undefined;
      const entry = `Eintrag ${Number(segment) + 1}`;
      parts.push(pendingList ? `${pendingList}, ${entry}` : entry);
      pendingList = undefined;
      if (isLast) parts.push(titleOf(schema, uiSchema, ''));
    } else {
      schema = undefined;
      uiSchema = undefined;
      if (isLast) parts.push(segment);
    }
  });
  const label = parts.filter(Boolean).join(': ');
  return label || 'Formular';
}

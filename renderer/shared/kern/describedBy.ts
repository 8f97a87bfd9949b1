import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { descriptionId, errorId, helpId } from '@rjsf/utils';

/**
 * The aria-describedby value of a field's control: only ids that are actually rendered (error, description,
 * help), so assistive technology never points at missing elements.
 */
export function describedBy(
  id: string,
  schema: RJSFSchema,
  uiSchema: UiSchema | undefined,
  rawErrors: readonly string[] | undefined,
): string | undefined {
  const ids: string[] = [];
  if (rawErrors && rawErrors.length > 0) ids.push(errorId(id));
  if (schema.description || uiSchema?.['ui:description']) ids.push(descriptionId(id));
  if (uiSchema?.['ui:help']) ids.push(helpId(id));
  return ids.length > 0 ? ids.join(' ') : undefined;
}

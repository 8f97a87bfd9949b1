import { useContext } from 'react';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { FieldsetHeader } from './FieldsetHeader.tsx';
import { useProgressiveCount } from './ProgressiveFields.ts';
import { VisiblePropertiesContext } from './VisibleProperties.ts';

/**
 * Objects as KERN fieldsets with a legend; the root object renders only the properties of the current step
 * (VisiblePropertiesContext) and no fieldset of its own (the page heading names the form). A long root renders
 * its first fields at once and the rest in later tasks (useProgressiveCount), marked aria-busy until complete.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, title, fieldPathId, required, uiSchema, schema } = props;
  const visible = useContext(VisiblePropertiesContext);
  const isRoot = fieldPathId.path.length === 0;
  const shown = isRoot && visible ? properties.filter((property) => visible.has(property.name)) : properties;
  // Called for nested objects too (hooks run unconditionally); only the root uses the count.
  const count = useProgressiveCount(isRoot ? shown.length : 0);
  if (isRoot) {
    const busy = count < shown.length;
    return (
      <div className="kf-stack kf-root-fields" aria-busy={busy || undefined}>
        {shown.slice(0, count).map((property) => (property.hidden ? null : property.content))}
      </div>
    );
  }
  const options = getUiOptions(uiSchema);
  const legend = (typeof options.title === 'string' ? options.title : undefined) ?? title ?? schema.title;
  const text = (typeof options.description === 'string' ? options.description : undefined) ?? schema.description;
  return (
    <fieldset className="kern-fieldset" id={fieldPathId.$id}>
      <FieldsetHeader id={fieldPathId.$id} legend={legend} hint={text} required={required} />
      <div className="kern-fieldset__body kf-stack">
        {properties.map((property) => (property.hidden ? null : property.content))}
      </div>
    </fieldset>
  );
}

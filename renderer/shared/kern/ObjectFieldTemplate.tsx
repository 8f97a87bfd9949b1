import { useContext } from 'react';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { FieldsetHeader } from './FieldsetHeader.tsx';
import { VisiblePropertiesContext } from './VisibleProperties.ts';

/**
 * Objects as KERN fieldsets with a legend; the root object renders only the properties of the current step
 * (VisiblePropertiesContext) and no fieldset of its own (the page heading names the form).
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, title, fieldPathId, required, uiSchema, schema } = props;
  const visible = useContext(VisiblePropertiesContext);
  const isRoot = fieldPathId.path.length === 0;
  if (isRoot) {
    const shown = visible ? properties.filter((property) => visible.has(property.name)) : properties;
    return <div className="kf-stack kf-root-fields">{shown.map((property) => (property.hidden ? null : property.content))}</div>;
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

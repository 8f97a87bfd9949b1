import type { ArrayFieldTemplateProps } from '@rjsf/utils';
import { buttonId, getUiOptions, TranslatableString } from '@rjsf/utils';
import { FieldsetHeader } from './FieldsetHeader.tsx';

/** Lists of entries as a KERN fieldset; the add button names what it adds. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, readonly, fieldPathId, items, onAddClick, required, schema, title, uiSchema, registry } =
    props;
  const options = getUiOptions(uiSchema);
  const legend = (typeof options.title === 'string' ? options.title : undefined) ?? title;
  const text = (typeof options.description === 'string' ? options.description : undefined) ?? schema.description;
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    <fieldset className="kern-fieldset kf-array" id={fieldPathId.$id}>
      <FieldsetHeader id={fieldPathId.$id} legend={legend} hint={text} required={required} />
      <div className="kern-fieldset__body kf-stack">
        {items.length === 0 ? (
          <p className="kern-body kern-body--muted">{registry.translateString(TranslatableString.EmptyArray)}</p>
        ) : (
          items
        )}
      </div>
      {canAdd ? (
        <AddButton
          id={buttonId(fieldPathId, 'add')}
          className="kf-array-add"
          onClick={onAddClick}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        />
      ) : null}
    </fieldset>
  );
}

import type { FieldTemplateProps } from '@rjsf/utils';
import { descriptionId, errorId, getUiOptions, helpId } from '@rjsf/utils';
import { FieldError } from './FieldError.tsx';
import { RequiredMark } from './RequiredMark.tsx';

const GROUP_WIDGETS = new Set(['radio', 'checkboxes']);

/**
 * KERN field frame: label (with "(Pflichtfeld)"), hint, control, error and help, ids matching the control's
 * aria-describedby. Radio groups and checkbox lists get a fieldset with legend; objects and arrays render
 * their own fieldset (ObjectFieldTemplate, ArrayFieldTemplate).
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors, rawDescription, rawHelp, hidden, required, displayLabel, schema, uiSchema } =
    props;
  if (hidden) return <div hidden>{children}</div>;
  const options = getUiOptions(uiSchema);
  const widget = typeof options.widget === 'string' ? options.widget : undefined;
  const errors = rawErrors?.filter(Boolean) ?? [];
  const hasError = errors.length > 0;
  const description = rawDescription ? (
    <div className="kern-hint" id={descriptionId(id)}>
      {rawDescription}
    </div>
  ) : null;
  const error = hasError ? <FieldError id={errorId(id)} messages={errors} /> : null;
  const help = rawHelp ? (
    <div className="kern-hint" id={helpId(id)}>
      {rawHelp}
    </div>
  ) : null;

  if (schema.type === 'object' || (schema.type === 'array' && !displayLabel && !widget)) {
    return (
      <div className="kf-group">
        {children}
        {error}
        {help}
      </div>
    );
  }
  if (widget && GROUP_WIDGETS.has(widget)) {
    return (
      <fieldset className={`kern-fieldset${hasError ? ' kern-fieldset--error' : ''}`} id={`${id}__group`}>
        <legend className="kern-label">
          {label}
          <RequiredMark required={required} />
        </legend>
        {description}
        <div className="kern-fieldset__body">{children}</div>
        {error}
        {help}
      </fieldset>
    );
  }
  if (widget === 'checkbox' || (schema.type === 'boolean' && !widget)) {
    return (
      <div className={`kf-field${hasError ? ' kf-field--error' : ''}`}>
        {children}
        {description}
        {error}
        {help}
      </div>
    );
  }
  return (
    <div className={`kern-form-input${hasError ? ' kern-form-input--error' : ''}`}>
      {displayLabel && label ? (
        <label className="kern-label" htmlFor={id}>
          {label}
          <RequiredMark required={required} />
        </label>
      ) : null}
      {description}
      {children}
      {error}
      {help}
    </div>
  );
}

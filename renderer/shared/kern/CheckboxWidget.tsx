import type { WidgetProps } from '@rjsf/utils';
import { describedBy } from './describedBy.ts';
import { RequiredMark } from './RequiredMark.tsx';

/** A single yes/no checkbox (boolean) with its label to the right, KERN style. */
export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, label, hideLabel, schema, uiSchema, rawErrors } =
    props;
  const hasError = Boolean(rawErrors && rawErrors.length > 0);
  // A confirmation (const: true) must be ticked; mark it as required even when the schema lists it only via const.
  const mustTick = required || schema.const === true;
  return (
    <div className="kern-form-check">
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        className={`kern-form-check__checkbox${hasError ? ' kern-form-check__checkbox--error' : ''}`}
        checked={value === true}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        aria-required={mustTick || undefined}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, schema, uiSchema, rawErrors)}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={(event) => onBlur(id, event.target.checked)}
        onFocus={(event) => onFocus(id, event.target.checked)}
      />
      <label className="kern-label" htmlFor={id}>
        {hideLabel ? <span className="kern-sr-only">{label}</span> : label}
        <RequiredMark required={mustTick} />
      </label>
    </div>
  );
}

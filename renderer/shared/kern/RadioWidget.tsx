import type { WidgetProps } from '@rjsf/utils';
import { enumOptionsIsSelected, enumOptionsValueForIndex, optionId } from '@rjsf/utils';
import { describedBy } from './describedBy.ts';

/** KERN radio buttons; FieldTemplate wraps them in a fieldset whose legend is the field label. */
export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, options, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, schema, uiSchema, rawErrors } =
    props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const hasError = Boolean(rawErrors && rawErrors.length > 0);
  const description = describedBy(id, schema, uiSchema, rawErrors);
  return (
    <>
      {enumOptions.map((option, index) => {
        const checked = enumOptionsIsSelected(option.value, value);
        const itemDisabled = Array.isArray(enumDisabled) && enumDisabled.includes(option.value);
        return (
          <div className="kern-form-check" key={index}>
            <input
              type="radio"
              id={optionId(id, index)}
              name={htmlName || id}
              className={`kern-form-check__radio${hasError ? ' kern-form-check__radio--error' : ''}`}
              checked={checked}
              value={String(index)}
              data-value={JSON.stringify(option.value)}
              disabled={disabled || itemDisabled || readonly}
              autoFocus={autofocus && index === 0}
              aria-required={required || undefined}
              aria-invalid={hasError || undefined}
              aria-describedby={description}
              onChange={() => onChange(option.value)}
              onBlur={(event) => onBlur(id, enumOptionsValueForIndex(event.target.value, enumOptions, emptyValue))}
              onFocus={(event) => onFocus(id, enumOptionsValueForIndex(event.target.value, enumOptions, emptyValue))}
            />
            <label className="kern-label" htmlFor={optionId(id, index)}>
              {option.label}
            </label>
          </div>
        );
      })}
    </>
  );
}

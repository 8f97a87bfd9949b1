import type { WidgetProps } from '@rjsf/utils';
import { enumOptionsDeselectValue, enumOptionsIsSelected, enumOptionsSelectValue, optionId } from '@rjsf/utils';
import { describedBy } from './describedBy.ts';

/** A list of checkboxes for a multiple choice (array of enum values); the legend comes from FieldTemplate. */
export function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, options, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, schema, uiSchema, rawErrors } = props;
  const { enumOptions = [], enumDisabled } = options;
  const values: unknown[] = Array.isArray(value) ? value : [];
  const hasError = Boolean(rawErrors && rawErrors.length > 0);
  const description = describedBy(id, schema, uiSchema, rawErrors);
  return (
    <>
      {enumOptions.map((option, index) => {
        const checked = enumOptionsIsSelected(option.value, values);
        const itemDisabled = Array.isArray(enumDisabled) && enumDisabled.includes(option.value);
        return (
          <div className="kern-form-check" key={index}>
            <input
              type="checkbox"
              id={optionId(id, index)}
              name={htmlName || id}
              className={`kern-form-check__checkbox${hasError ? ' kern-form-check__checkbox--error' : ''}`}
              checked={checked}
              data-value={JSON.stringify(option.value)}
              disabled={disabled || itemDisabled || readonly}
              autoFocus={autofocus && index === 0}
              aria-invalid={hasError || undefined}
              aria-describedby={description}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? enumOptionsSelectValue(index, values, enumOptions)
                    : enumOptionsDeselectValue(index, values, enumOptions),
                )
              }
              onBlur={() => onBlur(id, values)}
              onFocus={() => onFocus(id, values)}
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

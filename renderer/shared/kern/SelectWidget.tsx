import type { WidgetProps } from '@rjsf/utils';
import { enumOptionsIndexForValue, enumOptionsValueForIndex } from '@rjsf/utils';
import { describedBy } from './describedBy.ts';

/** KERN select; an empty first option "Bitte auswählen" unless a value is required and set. */
export function SelectWidget(props: WidgetProps) {
  const { id, htmlName, options, value, required, disabled, readonly, multiple, autofocus, onChange, onBlur, onFocus, schema, uiSchema, rawErrors, placeholder } =
    props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const hasError = Boolean(rawErrors && rawErrors.length > 0);
  const selected = enumOptionsIndexForValue(value, enumOptions, multiple);
  const selectValue = multiple
    ? ((selected as string[] | undefined) ?? []).map(String)
    : selected === undefined
      ? ''
      : String(selected);
  const toValue = (element: HTMLSelectElement) =>
    multiple
      ? enumOptionsValueForIndex(Array.from(element.selectedOptions).map((option) => option.value), enumOptions, emptyValue)
      : enumOptionsValueForIndex(element.value, enumOptions, emptyValue);
  return (
    <div className="kern-form-input__select-wrapper">
      <select
        id={id}
        name={htmlName || id}
        multiple={multiple}
        className={`kern-form-input__select${hasError ? ' kern-form-input__select--error' : ''}`}
        value={selectValue}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        aria-required={required || undefined}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, schema, uiSchema, rawErrors)}
        onChange={(event) => onChange(toValue(event.target))}
        onBlur={(event) => onBlur(id, toValue(event.target))}
        onFocus={(event) => onFocus(id, toValue(event.target))}
      >
        {!multiple ? <option value="">{placeholder || 'Bitte auswählen'}</option> : null}
        {enumOptions.map((option, index) => (
          <option key={index} value={String(index)} data-value={JSON.stringify(option.value)} disabled={Array.isArray(enumDisabled) && enumDisabled.includes(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

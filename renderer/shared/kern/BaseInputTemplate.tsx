import type { ChangeEvent, FocusEvent } from 'react';
import type { BaseInputTemplateProps } from '@rjsf/utils';
import { getInputProps } from '@rjsf/utils';
import { describedBy } from './describedBy.ts';
import { useBufferedValue } from './useBufferedValue.ts';

/** KERN text-like input (text, email, tel, number, date ...); the value is buffered while typing. */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    options,
    schema,
    uiSchema,
    rawErrors,
    type,
    required,
    placeholder,
  } = props;
  const inputProps = getInputProps(schema, type, options);
  const { shown, change, commitNow } = useBufferedValue(id, value, options.emptyValue, onChange);
  const hasError = Boolean(rawErrors && rawErrors.length > 0);
  return (
    <input
      id={id}
      name={htmlName || id}
      className={`kern-form-input__input${hasError ? ' kern-form-input__input--error' : ''}`}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder}
      {...inputProps}
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      value={shown}
      onChange={(event: ChangeEvent<HTMLInputElement>) => change(event.target.value)}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        commitNow();
        onBlur(id, event.target.value);
      }}
      onFocus={(event: FocusEvent<HTMLInputElement>) => onFocus(id, event.target.value)}
      aria-describedby={describedBy(id, schema, uiSchema, rawErrors)}
    />
  );
}

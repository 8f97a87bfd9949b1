import type { WidgetProps } from '@rjsf/utils';
import { describedBy } from './describedBy.ts';
import { useBufferedValue } from './useBufferedValue.ts';

/** KERN textarea; buffered like text inputs. Rows from ui:options.rows (default 5). */
export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, schema, uiSchema, rawErrors, required } =
    props;
  const { shown, change, commitNow } = useBufferedValue(id, value, options.emptyValue, onChange);
  const hasError = Boolean(rawErrors && rawErrors.length > 0);
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className={`kern-form-input__input${hasError ? ' kern-form-input__input--error' : ''}`}
      rows={typeof options.rows === 'number' ? options.rows : 5}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      aria-required={required || undefined}
      aria-invalid={hasError || undefined}
      aria-describedby={describedBy(id, schema, uiSchema, rawErrors)}
      value={shown}
      onChange={(event) => change(event.target.value)}
      onBlur={(event) => {
        commitNow();
        onBlur(id, event.target.value);
      }}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}

import { useCallback } from 'react';
import { flushSync } from 'react-dom';
import type { WidgetProps } from '@rjsf/utils';
import { useFileWidgetProps } from '@rjsf/utils';
import { describedBy } from './describedBy.ts';
import { usePendingInputs } from './PendingInputs.tsx';
import { getDataUrlFileName } from '../../../engine/review/getDataUrlFileName.ts';

/** File upload (data-url strings); lists the chosen files by name with a button to remove each. */
export function FileWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, required, multiple, autofocus, onChange, onBlur, onFocus, options, schema, uiSchema, rawErrors } =
    props;
  const pending = usePendingInputs();
  // Reading a file takes a while: the form tracks it so a submit meanwhile waits for it, and the value is committed
  // at once when the read ends, so the waiting submit sees it.
  const commit = useCallback((next: unknown) => flushSync(() => onChange(next)), [onChange]);
  const { filesInfo, handleChange, handleRemove } = useFileWidgetProps(value, commit, multiple);
  const hasError = Boolean(rawErrors && rawErrors.length > 0);
  const files = (Array.isArray(value) ? value : value ? [value] : []) as string[];
  return (
    <div className="kf-file">
      <input
        type="file"
        id={id}
        name={htmlName || id}
        className={`kern-form-input__input${hasError ? ' kern-form-input__input--error' : ''}`}
        multiple={multiple}
        accept={typeof options.accept === 'string' ? options.accept : undefined}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        aria-required={required || undefined}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(id, schema, uiSchema, rawErrors)}
        onChange={(event) => {
          if (!event.target.files) return;
          const reading = Promise.resolve(handleChange(event.target.files));
          pending?.track(reading);
        }}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      {filesInfo.length > 0 && files.length > 0 ? (
        <ul className="kern-list kf-file-list" aria-label="Ausgewählte Dateien">
          {files.map((file, index) => (
            <li key={index}>
              <span className="kern-body">{getDataUrlFileName(file) ?? 'Datei'}</span>{' '}
              <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => handleRemove(index)}>
                <span className="kern-label">Entfernen</span>
                <span className="kern-sr-only">: {getDataUrlFileName(file) ?? 'Datei'}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import type { ChangeEvent } from 'react';
import { FieldAlert, FieldHint } from './FieldMessages.tsx';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'tel';
  hint?: string;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
  rows?: number;
}

/** A KERN text input (or textarea) with label, hint and an error announced to screen readers. */
export function TextField({ id, label, value, onChange, type = 'text', hint, error, required, multiline, autoComplete, rows }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hinweis` : '', error ? `${id}-fehler` : ''].filter(Boolean).join(' ') || undefined;
  const inputClass = `kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`;
  const onInput = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value);
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {required ? '' : <span className="kern-label__optional"> – optional</span>}
      </label>
      <FieldHint id={id} hint={hint} />
      {multiline ? (
        <textarea id={id} className={inputClass} value={value} onChange={onInput} rows={rows ?? 4} aria-describedby={describedBy} aria-invalid={error ? true : undefined} required={required} />
      ) : (
        <input
          id={id}
          className={inputClass}
          type={type}
          value={value}
          onChange={onInput}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          required={required}
          autoComplete={autoComplete}
        />
      )}
      <FieldAlert id={id} error={error} />
    </div>
  );
}

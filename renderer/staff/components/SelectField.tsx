import { FieldHint } from './FieldMessages.tsx';

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string;
}

/** A KERN select with label and optional hint. */
export function SelectField({ id, label, value, options, onChange, hint }: SelectFieldProps) {
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <div className="kern-form-input__select-wrapper">
        <select id={id} className="kern-form-input__select" value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={hint ? `${id}-hinweis` : undefined}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

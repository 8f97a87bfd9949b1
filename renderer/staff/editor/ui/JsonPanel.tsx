import { useEffect, useRef, useState } from 'react';
import { FieldAlert } from '../../components/FieldMessages.tsx';
import type { DraftDefinition } from '../editorTypes.ts';
import { describeJsonErrorPlace } from '../describeJsonErrorPlace.ts';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One JSON textarea kept in sync with a part of the definition; invalid JSON shows an error and changes nothing. */
function JsonArea({ id, label, value, onChange }: { id: string; label: string; value: unknown; onChange: (value: Record<string, unknown>) => void }) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState('');
  const lastParsed = useRef<unknown>(value);

  useEffect(() => {
    // A change from the visual editor: show it, unless it is what this textarea just produced.
    if (sameJson(value, lastParsed.current)) return;
    lastParsed.current = value;
    setText(JSON.stringify(value, null, 2));
    setError('');
  }, [value]);

  const edit = (next: string) => {
    setText(next);
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch (caught) {
      setError(`Ungültiges JSON${describeJsonErrorPlace(next, caught)}. Die Felder bleiben unverändert, bis das JSON gültig ist.`);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError('Hier wird ein JSON-Objekt erwartet ({ … }).');
      return;
    }
    setError('');
    lastParsed.current = parsed;
    onChange(parsed as Record<string, unknown>);
  };

  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className={`kern-form-input__input editor-json${error ? ' kern-form-input__input--error' : ''}`}
        value={text}
        spellCheck={false}
        rows={16}
        onChange={(event) => edit(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-fehler` : undefined}
      />
      <FieldAlert id={id} error={error} />
    </div>
  );
}

/** The raw JSON of schema and uiSchema, edited in place and mirrored by the visual editor. */
export function JsonPanel({ definition, onChange }: { definition: DraftDefinition; onChange: (next: DraftDefinition) => void }) {
  return (
    <div className="editor-json-panel">
      <JsonArea id="json-schema" label="Schema (JSON)" value={definition.schema} onChange={(schema) => onChange({ ...definition, schema })} />
      <JsonArea id="json-uischema" label="uiSchema (JSON)" value={definition.uiSchema} onChange={(uiSchema) => onChange({ ...definition, uiSchema })} />
    </div>
  );
}

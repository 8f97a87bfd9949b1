import { useState } from 'react';
import { Checkbox } from '../../components/Checkbox.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { FIELD_KINDS, type FieldKind } from '../fieldKinds.ts';
import type { EditorAction, EditorField, FieldChanges, FieldCondition } from '../editorTypes.ts';

interface FieldPropertiesProps {
  field: EditorField;
  /** Messages of the server check that concern this field (shown in place). */
  problems: string[];
  /** Fields on the same level (candidates for the field a condition tests). */
  siblings: EditorField[];
  onAction: (action: EditorAction) => void;
}

function parseLimit(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : null;
}

function defaultValue(tested: EditorField | undefined): FieldCondition['equals'] {
  if (!tested) return '';
  if (tested.kind === 'yesNo') return true;
  if (tested.kind === 'choice') return tested.choices[0] ?? '';
  if (tested.kind === 'number' || tested.kind === 'integer') return 0;
  return '';
}

function ConditionValue({ tested, value, onChange }: { tested: EditorField; value: FieldCondition['equals']; onChange: (value: FieldCondition['equals']) => void }) {
  if (tested.kind === 'yesNo') {
    return (
      <SelectField
        id="feld-bedingung-wert"
        label="hat den Wert"
        value={String(value)}
        onChange={(next) => onChange(next === 'true')}
        options={[
          { value: 'true', label: 'Ja' },
          { value: 'false', label: 'Nein' },
        ]}
      />
    );
  }
  if (tested.kind === 'choice') {
    return <SelectField id="feld-bedingung-wert" label="hat den Wert" value={String(value)} onChange={onChange} options={tested.choices.map((choice) => ({ value: choice, label: choice }))} />;
  }
  if (tested.kind === 'number' || tested.kind === 'integer') {
    return <TextField id="feld-bedingung-wert" label="hat den Wert" type="number" value={String(value)} onChange={(next) => onChange(parseLimit(next) ?? 0)} required />;
  }
  return <TextField id="feld-bedingung-wert" label="hat den Wert" value={String(value)} onChange={onChange} required />;
}

/** The choices, one per line; keeps the typed text (with empty lines) while the definition keeps the clean list. */
function ChoicesInput({ choices, onChange }: { choices: string[]; onChange: (choices: string[]) => void }) {
  const [text, setText] = useState(choices.join('\n'));
  return (
    <TextField
      id="feld-auswahl"
      label="Auswahlmöglichkeiten"
      hint="Eine Möglichkeit je Zeile."
      multiline
      rows={4}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(next.split('\n'));
      }}
      required
    />
  );
}

/** Edits the selected field: label, help, type, required, choices, limits and its condition. */
export function FieldProperties({ field, problems, siblings, onAction }: FieldPropertiesProps) {
  const change = (changes: FieldChanges) => onAction({ type: 'updateField', path: field.path, changes });
  const candidates = siblings.filter((sibling) => sibling.name !== field.name && sibling.kind !== 'group' && sibling.kind !== 'unknown');
  const tested = field.condition ? siblings.find((sibling) => sibling.name === field.condition?.field) : undefined;
  const isText = field.kind === 'text' || field.kind === 'longText';
  const isNumber = field.kind === 'number' || field.kind === 'integer';
  const isChoice = field.kind === 'choice' || field.kind === 'multiChoice';

  return (
    <section aria-labelledby="feld-eigenschaften" className="editor-properties">
      <h3 className="kern-heading-small" id="feld-eigenschaften">
        Eigenschaften von „{field.label}“
      </h3>
      <p className="kern-body kern-body--small">Technischer Name: {field.path.join('.')}</p>
      {problems.length > 0 ? (
        <div className="kern-alert kern-alert--danger" role="alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-title">Fehler in diesem Feld</span>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">
              {problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <TextField id="feld-beschriftung" label="Beschriftung" value={field.label} onChange={(label) => change({ label })} required />
      <TextField id="feld-hilfe" label="Hilfetext" value={field.help} onChange={(help) => change({ help })} multiline rows={2} />
      {field.kind !== 'group' && field.kind !== 'unknown' ? (
        <SelectField id="feld-typ" label="Typ" value={field.kind} onChange={(kind) => change({ kind: kind as FieldKind })} options={FIELD_KINDS.map((info) => ({ value: info.kind, label: info.label }))} />
      ) : null}
      <Checkbox id="feld-pflicht" label={field.condition?.effect === 'show' ? 'Pflichtfeld, wenn sichtbar' : 'Pflichtfeld'} checked={field.required} onChange={(required) => change({ required })} />
      {isChoice ? <ChoicesInput key={field.path.join('/')} choices={field.choices} onChange={(choices) => change({ choices })} /> : null}
      {field.kind === 'choice' ? (
        <SelectField
          id="feld-darstellung"
          label="Darstellung"
          value={field.choiceWidget}
          onChange={(widget) => change({ choiceWidget: widget as 'radio' | 'select' })}
          options={[
            { value: 'radio', label: 'Optionsfelder' },
            { value: 'select', label: 'Auswahlliste' },
          ]}
        />
      ) : null}
      {isText ? (
        <div className="editor-row">
          <TextField id="feld-min-laenge" label="Mindestlänge" type="number" value={field.minLength?.toString() ?? ''} onChange={(value) => change({ minLength: parseLimit(value) })} />
          <TextField id="feld-max-laenge" label="Höchstlänge" type="number" value={field.maxLength?.toString() ?? ''} onChange={(value) => change({ maxLength: parseLimit(value) })} />
        </div>
      ) : null}
      {isNumber ? (
        <div className="editor-row">
          <TextField id="feld-minimum" label="Kleinster Wert" type="number" value={field.minimum?.toString() ?? ''} onChange={(value) => change({ minimum: parseLimit(value) })} />
          <TextField id="feld-maximum" label="Größter Wert" type="number" value={field.maximum?.toString() ?? ''} onChange={(value) => change({ maximum: parseLimit(value) })} />
        </div>
      ) : null}
      {candidates.length > 0 ? (
        <fieldset className="kern-fieldset editor-condition">
          <legend className="kern-label">Bedingung</legend>
          <SelectField
            id="feld-bedingung-feld"
            label="Wenn das Feld"
            value={field.condition?.field ?? ''}
            onChange={(name) => {
              if (!name) change({ condition: null });
              else change({ condition: { field: name, equals: defaultValue(siblings.find((sibling) => sibling.name === name)), effect: field.condition?.effect ?? 'show' } });
            }}
            options={[{ value: '', label: 'Keine Bedingung' }, ...candidates.map((candidate) => ({ value: candidate.name, label: candidate.label }))]}
          />
          {field.condition && tested ? (
            <>
              <ConditionValue tested={tested} value={field.condition.equals} onChange={(equals) => change({ condition: { ...field.condition!, equals } })} />
              <SelectField
                id="feld-bedingung-wirkung"
                label="dann ist dieses Feld"
                value={field.condition.effect}
                onChange={(effect) => change({ condition: { ...field.condition!, effect: effect as 'show' | 'require' } })}
                options={[
                  { value: 'show', label: 'sichtbar (sonst ausgeblendet)' },
                  { value: 'require', label: 'Pflichtfeld (sonst freiwillig)' },
                ]}
              />
            </>
          ) : null}
        </fieldset>
      ) : null}
    </section>
  );
}

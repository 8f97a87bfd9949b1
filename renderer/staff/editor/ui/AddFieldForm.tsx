import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { FIELD_KINDS, type FieldKind } from '../fieldKinds.ts';
import type { EditorAction, EditorField } from '../editorTypes.ts';

function collectGroups(fields: EditorField[], prefix = ''): { value: string; label: string }[] {
  return fields.flatMap((field) =>
    field.kind === 'group'
      ? [{ value: field.path.join('/'), label: `Gruppe „${prefix}${field.label}“` }, ...collectGroups(field.children, `${prefix}${field.label} › `)]
      : [],
  );
}

/** Adds a field of a chosen kind, or a group, at the top level or into a group. */
export function AddFieldForm({ fields, onAction }: { fields: EditorField[]; onAction: (action: EditorAction) => void }) {
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<FieldKind>('text');
  const [parent, setParent] = useState('');
  const [error, setError] = useState('');
  const targets = [{ value: '', label: 'Oberste Ebene' }, ...collectGroups(fields)];
  const parentPath = parent ? parent.split('/') : [];

  const add = (what: 'field' | 'group') => {
    if (label.trim().length < 1) {
      setError('Bitte eine Beschriftung eingeben.');
      return;
    }
    setError('');
    onAction(what === 'field' ? { type: 'addField', parent: parentPath, kind, label: label.trim() } : { type: 'addGroup', parent: parentPath, label: label.trim() });
    setLabel('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add('field');
  };

  return (
    <form onSubmit={submit} className="editor-add" aria-labelledby="feld-hinzufuegen" noValidate>
      <h3 className="kern-heading-small" id="feld-hinzufuegen">
        Feld hinzufügen
      </h3>
      <TextField id="neues-feld-beschriftung" label="Beschriftung" value={label} onChange={setLabel} required error={error} />
      <SelectField id="neues-feld-typ" label="Typ" value={kind} onChange={(value) => setKind(value as FieldKind)} options={FIELD_KINDS.map((info) => ({ value: info.kind, label: info.label }))} />
      <SelectField id="neues-feld-ort" label="Einfügen in" value={parent} onChange={setParent} options={targets} />
      <div className="editor-buttons">
        <Button type="submit">Feld hinzufügen</Button>
        <Button variant="secondary" onClick={() => add('group')}>
          Gruppe hinzufügen
        </Button>
      </div>
    </form>
  );
}

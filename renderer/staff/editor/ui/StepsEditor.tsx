import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { EditorAction, EditorField, EditorStep } from '../editorTypes.ts';

/** Steps of a multi-step form: titles, and which step each top-level field is on. */
export function StepsEditor({ steps, fields, onAction }: { steps: EditorStep[] | undefined; fields: EditorField[]; onAction: (action: EditorAction) => void }) {
  if (!steps || steps.length === 0) {
    return (
      <>
        <p className="kern-body kern-body--small">Das Formular hat eine Seite. Mit Schritten wird es auf mehrere Seiten verteilt.</p>
        <Button variant="secondary" onClick={() => onAction({ type: 'addStep', title: 'Schritt 1' })}>
          Schritte verwenden
        </Button>
      </>
    );
  }
  const stepOf = (name: string) => steps.findIndex((step) => step.properties.includes(name));
  return (
    <>
      <ol className="editor-steps">
        {steps.map((step, index) => (
          <li key={index} className="editor-steps__item">
            <TextField id={`schritt-${index}-titel`} label={`Titel von Schritt ${index + 1}`} value={step.title} onChange={(title) => onAction({ type: 'renameStep', index, title })} required />
            <Button variant="secondary" small onClick={() => onAction({ type: 'removeStep', index })}>
              Schritt {index + 1} entfernen
            </Button>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => onAction({ type: 'addStep', title: `Schritt ${steps.length + 1}` })}>
        Schritt hinzufügen
      </Button>
      <div className="editor-step-assignments">
        {fields.map((field) => (
          <SelectField
            key={field.name}
            id={`schritt-von-${field.name}`}
            label={`Schritt von „${field.label}“`}
            value={String(stepOf(field.name))}
            onChange={(value) => onAction({ type: 'assignStep', property: field.name, index: Number(value) })}
            options={[...(stepOf(field.name) < 0 ? [{ value: '-1', label: 'Keinem Schritt zugeordnet' }] : []), ...steps.map((step, index) => ({ value: String(index), label: `${index + 1}. ${step.title}` }))]}
          />
        ))}
      </div>
    </>
  );
}

import { getFieldKind, type FieldKind } from '../fieldKinds.ts';
import type { EditorAction, EditorField } from '../editorTypes.ts';

/** German name of a field's kind. */
export function kindLabel(kind: EditorField['kind']): string {
  if (kind === 'group') return 'Gruppe';
  if (kind === 'unknown') return 'Nur im JSON bearbeitbar';
  return getFieldKind(kind as FieldKind).label;
}

interface FieldTreeProps {
  fields: EditorField[];
  selected: string;
  onSelect: (key: string) => void;
  onAction: (action: EditorAction) => void;
}

/** The fields and groups as a nested list: select one to edit it, move it up or down, remove it. */
export function FieldTree({ fields, selected, onSelect, onAction }: FieldTreeProps) {
  if (fields.length === 0) return <p className="kern-body kern-body--small">Noch keine Felder.</p>;
  return (
    <ol className="editor-tree">
      {fields.map((field, index) => {
        const key = field.path.join('/');
        return (
          <li key={key} className={`editor-tree__item${selected === key ? ' editor-tree__item--selected' : ''}`}>
            <div className="editor-tree__row">
              <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small editor-tree__select" aria-pressed={selected === key} onClick={() => onSelect(key)}>
                <span className="kern-label">
                  {field.label}
                  {field.required ? ' *' : ''}
                </span>
              </button>
              <span className="kern-body kern-body--small editor-tree__kind">
                {kindLabel(field.kind)}
                {field.condition ? ` · ${field.condition.effect === 'show' ? 'bedingt sichtbar' : 'bedingt Pflicht'}` : ''}
              </span>
              <span className="editor-tree__actions">
                <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" disabled={index === 0} aria-label={`${field.label} nach oben`} onClick={() => onAction({ type: 'moveField', path: field.path, offset: -1 })}>
                  <span className="kern-icon kern-icon--arrow-up kern-icon--small" aria-hidden="true" />
                </button>
                <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" disabled={index === fields.length - 1} aria-label={`${field.label} nach unten`} onClick={() => onAction({ type: 'moveField', path: field.path, offset: 1 })}>
                  <span className="kern-icon kern-icon--arrow-down kern-icon--small" aria-hidden="true" />
                </button>
                <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" aria-label={`${field.label} entfernen`} onClick={() => onAction({ type: 'removeField', path: field.path })}>
                  <span className="kern-icon kern-icon--delete kern-icon--small" aria-hidden="true" />
                </button>
              </span>
            </div>
            {field.kind === 'group' ? <FieldTree fields={field.children} selected={selected} onSelect={onSelect} onAction={onAction} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

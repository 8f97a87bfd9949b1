import { useCallback, useMemo, useState } from 'react';
import { Alert } from '../components/Alert.tsx';
import { ImportedNotice } from '../editor/ui/ImportedNotice.tsx';
import { Button } from '../components/Button.tsx';
import { Link } from '../components/Link.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { applyEditorAction } from '../editor/applyEditorAction.ts';
import type { DraftDefinition, EditorAction, EditorField } from '../editor/editorTypes.ts';
import { readEditorModel } from '../editor/readEditorModel.ts';
import { AddFieldForm } from '../editor/ui/AddFieldForm.tsx';
import { CheckPanel } from '../editor/ui/CheckPanel.tsx';
import { FieldProperties } from '../editor/ui/FieldProperties.tsx';
import { FieldTree } from '../editor/ui/FieldTree.tsx';
import { JsonPanel } from '../editor/ui/JsonPanel.tsx';
import { MetaEditor } from '../editor/ui/MetaEditor.tsx';
import { PreviewPanel } from '../editor/ui/PreviewPanel.tsx';
import { PublishPanel } from '../editor/ui/PublishPanel.tsx';
import { StepsEditor } from '../editor/ui/StepsEditor.tsx';
import { useDefinitionCheck } from '../editor/ui/useDefinitionCheck.ts';
import { useDraft, type SaveState } from '../editor/ui/useDraft.ts';
import { formatDateTime } from '../formatting.ts';
import { navigate, STAFF_BASE } from '../navigation.ts';
import { staffApi } from '../api/staffApi.ts';
import { describeProblemInGerman } from '../../../engine/german/index.ts';
import { describeEditorActionError } from '../editor/describeEditorActionError.ts';

function findField(fields: EditorField[], key: string): { field: EditorField; siblings: EditorField[] } | undefined {
  for (const field of fields) {
    if (field.path.join('/') === key) return { field, siblings: fields };
    const inGroup = findField(field.children, key);
    if (inGroup) return inGroup;
  }
  return undefined;
}

/** JSON pointer of a field's schema: ['a', 'b'] -> /schema/properties/a/properties/b. */
function schemaPointer(path: readonly string[]): string {
  return `/schema${path.map((name) => `/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

function describeSave(save: SaveState): string {
  switch (save.kind) {
    case 'saved':
      return `Gespeichert (Stand ${save.revision}, ${formatDateTime(save.updatedAt)}, ${save.updatedBy})`;
    case 'pending':
      return 'Ungespeicherte Änderungen …';
    case 'saving':
      return 'Wird gespeichert …';
    default:
      return save.message;
  }
}

/** The visual editor for a service's draft: fields, steps, metadata, raw JSON, live preview, check, diff and publish. */
export function ServiceEditorPage({ serviceId }: { serviceId: string }) {
  const { definition, setDefinition, save, loadError, reload, flush, revision } = useDraft(serviceId);
  const [selected, setSelected] = useState('');
  const [published, setPublished] = useState('');
  const [actionError, setActionError] = useState('');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const { check, checking, failed } = useDefinitionCheck(serviceId, definition);
  const fields = useMemo(() => (definition ? readEditorModel(definition) : []), [definition]);
  const selection = findField(fields, selected);

  const onAction = useCallback(
    (action: EditorAction) => {
      if (!definition) return;
      try {
        setDefinition(applyEditorAction(definition, action));
        setActionError('');
      } catch (error) {
        setActionError(describeEditorActionError(error));
      }
    },
    [definition, setDefinition],
  );
  const problemAt = useCallback(
    (pointer: string) => {
      const problem = [...(check?.problems ?? []), ...(check?.versionProblems ?? [])].find((entry) => entry.pointer === pointer);
      return problem && describeProblemInGerman(problem, definition);
    },
    [check, definition],
  );

  const fieldProblems = useCallback(
    (path: readonly string[]) => {
      const pointer = schemaPointer(path);
      return (check?.problems ?? []).filter((problem) => problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`)).map((problem) => describeProblemInGerman(problem, definition));
    },
    [check, definition],
  );

  const discard = async () => {
    if (!(await flush())) return;
    try {
      await staffApi.delete(`/api/v1/staff/editor/services/${encodeURIComponent(serviceId)}/draft?revision=${revision.current}`);
      navigate(`${STAFF_BASE}/editor`);
    } catch {
      setActionError('Der Entwurf konnte nicht verworfen werden; er wurde inzwischen geändert. Bitte neu laden.');
    }
  };

  if (published) {
    return (
      <>
        <h1 className="kern-heading-large">Veröffentlicht</h1>
        <Alert kind="success" title={`Version ${published} ist veröffentlicht`}>
          <p className="kern-body">
            Der Entwurf wurde übernommen. <Link to={`${STAFF_BASE}/editor/${encodeURIComponent(serviceId)}`}>Zum Dienst</Link>
          </p>
        </Alert>
      </>
    );
  }
  if (loadError || !definition) {
    return <LoadState loaded={loadError ? { state: 'error', error: loadError } : { state: 'loading' }} notFound="Für diesen Dienst gibt es keinen Entwurf.">{() => null}</LoadState>;
  }

  const version = typeof definition.version === 'string' ? definition.version : '';
  return (
    <>
      <h1 className="kern-heading-large">Entwurf: {typeof definition.title === 'string' ? definition.title : serviceId}</h1>
      <p className="kern-body kern-body--small" role="status" id="speicherstand">
        {describeSave(save)}
      </p>
      {save.kind === 'conflict' ? (
        <Alert kind="warning" title="Entwurf wurde geändert">
          <p className="kern-body">{save.message}</p>
          <Button variant="secondary" onClick={() => void reload()}>
            Aktuellen Stand laden
          </Button>
        </Alert>
      ) : null}
      {actionError ? <Alert kind="danger"><p className="kern-body">{actionError}</p></Alert> : null}
      <ImportedNotice source={definition.source} />
      <div className="editor-layout">
        <div className="editor-main">
          <section aria-labelledby="abschnitt-felder" className="staff-section">
            <h2 className="kern-heading-medium" id="abschnitt-felder">
              Felder
            </h2>
            <FieldTree fields={fields} selected={selected} onSelect={setSelected} onAction={onAction} />
            {selection ? <FieldProperties field={selection.field} problems={fieldProblems(selection.field.path)} siblings={selection.siblings} onAction={onAction} /> : null}
            <AddFieldForm fields={fields} onAction={onAction} />
          </section>
          <section aria-labelledby="abschnitt-schritte" className="staff-section">
            <h2 className="kern-heading-medium" id="abschnitt-schritte">
              Schritte
            </h2>
            <StepsEditor steps={definition.steps} fields={fields} onAction={onAction} />
          </section>
          <section aria-labelledby="abschnitt-angaben" className="staff-section">
            <h2 className="kern-heading-medium" id="abschnitt-angaben">
              Angaben zum Dienst
            </h2>
            <MetaEditor definition={definition} onChange={setDefinition} problemAt={problemAt} />
          </section>
          <section aria-labelledby="abschnitt-json" className="staff-section">
            <h2 className="kern-heading-medium" id="abschnitt-json">
              JSON
            </h2>
            <JsonPanel definition={definition} onChange={setDefinition} />
          </section>
        </div>
        <div className="editor-side">
          <section aria-labelledby="abschnitt-pruefung" className="staff-section">
            <h2 className="kern-heading-medium" id="abschnitt-pruefung">
              Prüfung und Änderungen
            </h2>
            <CheckPanel check={check} checking={checking} failed={failed} definition={definition} />
          </section>
          <section aria-labelledby="abschnitt-veroeffentlichen" className="staff-section">
            <h2 className="kern-heading-medium" id="abschnitt-veroeffentlichen">
              Veröffentlichen
            </h2>
            <PublishPanel serviceId={serviceId} version={version} flush={flush} revision={() => revision.current} onPublished={setPublished} />
            <div className="editor-buttons staff-section">
              {confirmDiscard ? (
                <>
                  <Button variant="secondary" onClick={() => void discard()}>
                    Ja, Entwurf endgültig verwerfen
                  </Button>
                  <Button variant="tertiary" onClick={() => setConfirmDiscard(false)}>
                    Abbrechen
                  </Button>
                </>
              ) : (
                <Button variant="tertiary" onClick={() => setConfirmDiscard(true)}>
                  Entwurf verwerfen
                </Button>
              )}
            </div>
          </section>
          <section aria-labelledby="abschnitt-vorschau" className="staff-section">
            <h2 className="kern-heading-medium" id="abschnitt-vorschau">
              Vorschau
            </h2>
            <PreviewPanel definition={definition} />
          </section>
        </div>
      </div>
    </>
  );
}

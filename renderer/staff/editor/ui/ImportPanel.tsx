import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, staffApi } from '../../api/staffApi.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { STAFF_BASE } from '../../navigation.ts';

interface ImportReportEntry {
  path: string;
  code: string;
  message: string;
}

interface ImportResult {
  draft: { serviceId: string; definition: { title?: string; version?: string } };
  kind: string;
  report: ImportReportEntry[];
  problems: { pointer: string; message: string }[];
}

const KINDS = [
  { value: '', label: 'automatisch erkennen' },
  { value: 'jsonschema', label: 'JSON Schema (react-jsonschema-form, JSON Forms)' },
  { value: 'digiwf', label: 'DigiWF (vjsf)' },
  { value: 'formio', label: 'Form.io' },
  { value: 'surveyjs', label: 'SurveyJS' },
];
const KIND_LABELS: Record<string, string> = Object.fromEntries(KINDS.map((kind) => [kind.value, kind.label]));

/**
 * "Importieren" for Kreis editors: a form of another system (uploaded as a JSON file or pasted) becomes the draft of a
 * new service; the German import report lists every change and everything not carried over, with its source path.
 */
export function ImportPanel() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [from, setFrom] = useState('');
  const [id, setId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; details: { pointer: string; message: string }[] } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // The report replaces the form's focus: move it to the report's heading once it is shown.
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFailure(null);
    setResult(null);
    let source: unknown;
    try {
      source = JSON.parse(text);
    } catch {
      setErrors({ quelle: text.trim() ? 'Der Inhalt ist kein gültiges JSON.' : 'Wählen Sie eine Datei oder fügen Sie das Formular als JSON ein.' });
      return;
    }
    setBusy(true);
    try {
      const imported = await staffApi.post<ImportResult>('/api/v1/staff/editor/import', {
        source,
        ...(from ? { from } : {}),
        ...(id.trim() ? { id: id.trim() } : {}),
        ...(fileName ? { fileName: fileName.slice(0, 200) } : {}),
      });
      setResult(imported);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SERVICE_EXISTS') setErrors({ kennung: 'Diese Kennung ist schon vergeben; geben Sie eine andere an.' });
      else if (error instanceof ApiError && error.code === 'IMPORT_REFUSED') setFailure({ message: 'Das Formular kann nicht importiert werden.', details: error.errors });
      else if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') setFailure({ message: 'Die Datei ist zu groß (höchstens 2 MB).', details: [] });
      else setFailure({ message: 'Der Import ist fehlgeschlagen.', details: error instanceof ApiError ? error.errors : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="formular-importieren" className="staff-section">
      <h2 className="kern-heading-medium" id="formular-importieren">
        Formular importieren
      </h2>
      <p className="kern-body">
        Bringen Sie ein Formular aus einem anderen System mit: react-jsonschema-form, JSON Forms, DigiWF, Form.io oder SurveyJS. Es wird ein
        Entwurf für einen neuen Dienst; der Importbericht nennt jede Änderung und alles, was nicht übernommen werden konnte.
      </p>
      {failure ? (
        <Alert kind="danger" title={failure.message}>
          {failure.details.map((detail) => (
            <p className="kern-body" key={`${detail.pointer}|${detail.message}`}>
              {detail.message}
            </p>
          ))}
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="kern-stack">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="import-datei">
            Formulardatei (JSON) <span className="kern-label__optional"> – optional</span>
          </label>
          <div className="kern-hint" id="import-datei-hinweis">
            {fileName ? `Gewählt: ${fileName}` : 'Oder fügen Sie den Inhalt unten ein.'}
          </div>
          <input id="import-datei" className="kern-form-input__input" type="file" accept="application/json,.json" aria-describedby="import-datei-hinweis" onChange={(event) => void readFile(event)} />
        </div>
        <TextField id="import-quelle" label="Formular als JSON" value={text} onChange={setText} multiline rows={6} required error={errors.quelle} hint="Der Inhalt der gewählten Datei erscheint hier; Sie können ihn auch direkt einfügen." />
        <SelectField id="import-art" label="Art des Formulars" value={from} options={KINDS} onChange={setFrom} />
        <TextField id="import-kennung" label="Kurzname für den neuen Dienst" value={id} onChange={setId} error={errors.kennung} hint="Wird die Kennung des Dienstes; leer lassen, um sie aus dem Titel abzuleiten. Kleinbuchstaben, Ziffern und Bindestriche." />
        <Button type="submit" disabled={busy}>
          Importieren
        </Button>
      </form>
      {result ? (
        <div className="kern-stack">
          <h3 className="kern-heading-small" id="importbericht" tabIndex={-1} ref={resultHeading}>
            Importbericht: {result.draft.definition.title ?? result.draft.serviceId}
          </h3>
          <Alert kind={result.problems.length === 0 ? 'success' : 'warning'} title={`Entwurf „${result.draft.serviceId}“ angelegt`}>
            <p className="kern-body">
              Erkannt als {KIND_LABELS[result.kind] ?? result.kind}, Version {result.draft.definition.version ?? '?'}.{' '}
              {result.problems.length === 0 ? 'Der Entwurf besteht alle Prüfungen.' : `${result.problems.length} Probleme sind noch im Editor zu klären.`}
            </p>
            <p className="kern-body">
              <Link to={`${STAFF_BASE}/editor/${encodeURIComponent(result.draft.serviceId)}/entwurf`}>Entwurf im Editor öffnen</Link>
            </p>
          </Alert>
          <DataTable caption={`${result.report.length} Hinweise des Imports`} columns={['Stelle in der Quelle', 'Hinweis']}>
            {result.report.map((entry, index) => (
              <tr className="kern-table__row" key={`${index}-${entry.path}-${entry.code}`}>
                <td className="kern-table__cell">
                  <code>{entry.path || '/'}</code>
                </td>
                <td className="kern-table__cell">{entry.message}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
    </section>
  );
}

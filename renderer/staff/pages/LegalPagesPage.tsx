import { useEffect, useState, type FormEvent } from 'react';
import type { LegalPagesView } from '../../../contract/portalApi.ts';
import { SafeText } from '../../shared/SafeText.tsx';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { useSession } from '../session.ts';

type Pages = Omit<LegalPagesView, 'missing' | 'updatedAt'>;

const FIELDS: readonly { key: keyof Pages; label: string; hint: string; required: boolean; rows: number }[] = [
  { key: 'impressum', label: 'Impressum', hint: 'Herausgeber mit Anschrift, Vertretung, Kontakt, Aufsichtsbehörde.', required: true, rows: 8 },
  { key: 'privacyController', label: 'Datenschutz: Verantwortlicher', hint: 'Name, Anschrift und Kontakt der verantwortlichen Stelle (Art. 13 Abs. 1 a DSGVO).', required: true, rows: 5 },
  { key: 'privacyOfficer', label: 'Datenschutz: Datenschutzbeauftragte oder Datenschutzbeauftragter', hint: 'Kontaktdaten (Art. 13 Abs. 1 b DSGVO).', required: true, rows: 3 },
  { key: 'privacyRights', label: 'Datenschutz: Ihre Rechte', hint: 'Auskunft, Berichtigung, Löschung, Einschränkung, Widerspruch, Datenübertragbarkeit.', required: true, rows: 8 },
  { key: 'privacySupervisory', label: 'Datenschutz: Aufsichtsbehörde', hint: 'Beschwerderecht bei der Aufsichtsbehörde (Art. 77 DSGVO) mit Anschrift.', required: true, rows: 5 },
  { key: 'privacyMore', label: 'Datenschutz: weitere Hinweise', hint: 'Zum Beispiel Betrieb des Portals, Protokolle, Cookies.', required: false, rows: 6 },
  { key: 'contact', label: 'Kontakt', hint: 'Anschrift, Telefon, E-Mail und Öffnungszeiten.', required: true, rows: 6 },
];

const FORMAT_HINT =
  'Schreiben Sie einfachen Text: eine Leerzeile trennt Absätze, „- “ am Zeilenanfang ergibt eine Liste, „## “ eine Zwischenüberschrift, ' +
  'Links schreiben Sie als [Text](https://…), [Text](mailto:…) oder [Text](tel:…). HTML ist nicht erlaubt.';

function LegalPagesForm({ loaded, canEdit, onSaved }: { loaded: LegalPagesView; canEdit: boolean; onSaved: () => void }) {
  const [pages, setPages] = useState<Pages>(loaded);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  useEffect(() => setPages(loaded), [loaded]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      await staffApi.put<LegalPagesView>('/api/v1/staff/legal-pages', pages);
      setMessage({ kind: 'success', text: 'Die rechtlichen Seiten wurden gespeichert.' });
      onSaved();
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.errors.map((detail) => [detail.pointer.replace(/^\//, ''), detail.message])));
      setMessage({ kind: 'danger', text: error instanceof ApiError && error.status === 403 ? 'Nur die Administration Ihres Portals darf die rechtlichen Seiten ändern.' : 'Die rechtlichen Seiten konnten nicht gespeichert werden.' });
    }
  };

  if (!canEdit) {
    return (
      <>
        <p className="kern-body">Die rechtlichen Seiten pflegt die Administration Ihres Portals. So sehen Bürgerinnen und Bürger sie:</p>
        {FIELDS.map((field) => (
          <section key={field.key} className="staff-section" aria-labelledby={`recht-${field.key}`}>
            <h2 className="kern-heading-medium" id={`recht-${field.key}`}>
              {field.label}
            </h2>
            {pages[field.key] ? <SafeText source={pages[field.key]} headingLevel={3} /> : <p className="kern-body">Noch nicht hinterlegt.</p>}
          </section>
        ))}
      </>
    );
  }
  return (
    <form onSubmit={(event) => void save(event)} noValidate className="kern-stack" aria-labelledby="recht-formular">
      <h2 className="kern-heading-medium" id="recht-formular">
        Texte bearbeiten
      </h2>
      <p className="kern-body kern-body--small">{FORMAT_HINT}</p>
      {message ? (
        <Alert kind={message.kind}>
          <p className="kern-body">{message.text}</p>
        </Alert>
      ) : null}
      {FIELDS.map((field) => (
        <TextField
          key={field.key}
          id={`recht-${field.key}`}
          label={field.label}
          hint={field.hint}
          required={field.required}
          multiline
          rows={field.rows}
          value={pages[field.key]}
          onChange={(value) => setPages((current) => ({ ...current, [field.key]: value }))}
          error={errors[field.key]}
        />
      ))}
      <Button type="submit">Rechtliche Seiten speichern</Button>
    </form>
  );
}

/** Impressum, Datenschutzerklärung and contact of the participant's portal: its admin edits them, others read them. */
export function LegalPagesPage() {
  const { user } = useSession();
  const { result, reload } = useApi<LegalPagesView>('/api/v1/staff/legal-pages');
  return (
    <>
      <h1 className="kern-heading-large">Rechtliche Seiten des Portals</h1>
      <p className="kern-body">
        Impressum, Datenschutzerklärung und Kontakt erscheinen auf jeder Seite Ihres Portals im Fußbereich. Ohne sie kann Ihr Portal keine Leistung anbieten.
      </p>
      <LoadState loaded={result} notFound="Die rechtlichen Seiten konnten nicht geladen werden.">
        {(loaded) => (
          <>
            <LegalPagesNotice missing={loaded.missing} />
            <LegalPagesForm loaded={loaded} canEdit={user.role === 'admin'} onSaved={reload} />
          </>
        )}
      </LoadState>
    </>
  );
}

/** The notice that legal pages are missing (shown to the participant's admin on the start page and here). */
export function LegalPagesNotice({ missing }: { missing: string[] }) {
  if (missing.length === 0) return null;
  return (
    <Alert kind="warning" title="Rechtliche Seiten fehlen">
      <p className="kern-body">Ihrem Portal fehlen Pflichtangaben. Solange sie fehlen, kann keine Leistung angeboten werden:</p>
      <ul className="kern-list kern-list--bullet">
        {missing.map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
    </Alert>
  );
}

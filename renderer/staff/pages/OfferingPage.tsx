import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Checkbox } from '../components/Checkbox.tsx';
import { Link } from '../components/Link.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { VersionList } from '../components/VersionList.tsx';
import { useApi } from '../components/useApi.ts';
import { formatDate, formatLead, participantName } from '../formatting.ts';
import { STAFF_BASE } from '../navigation.ts';
import { useSession } from '../session.ts';
import type { CatalogueEntry, LocalDetails } from '../staffTypes.ts';
import { describeChangeInGerman } from '../../../engine/german/index.ts';

const EMPTY_DETAILS: LocalDetails = { office: '', contact: '', phone: '', email: '', notificationEmail: '', openingHours: '', address: '', feeAmounts: {} };

function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? Object.fromEntries(error.errors.map((detail) => [detail.pointer.replace(/^\//, ''), detail.message])) : {};
}

/** Enable or disable the service, choose the version policy and the agreement date (§ 2 (2)). */
function EnablementForm({ entry, onSaved }: { entry: CatalogueEntry; onSaved: () => void }) {
  const majors = [...new Set(entry.versions.map((version) => version.version.split('.')[0]!))];
  const [enabled, setEnabled] = useState(entry.own?.enabled ?? false);
  const [mode, setMode] = useState(entry.own?.versionPolicy.startsWith('^') === false ? 'pinned' : 'follow');
  const [major, setMajor] = useState(entry.own?.versionPolicy.startsWith('^') ? entry.own.versionPolicy.slice(1) : (majors[0] ?? '1'));
  const [pinned, setPinned] = useState(entry.own && !entry.own.versionPolicy.startsWith('^') ? entry.own.versionPolicy : entry.latestVersion);
  const [agreedOn, setAgreedOn] = useState(entry.own?.agreedOn ?? todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      await staffApi.put(`/api/v1/staff/enablements/${encodeURIComponent(entry.id)}`, { enabled, versionPolicy: mode === 'follow' ? `^${major}` : pinned, agreedOn });
      setMessage({ kind: 'success', text: 'Das Angebot wurde gespeichert.' });
      onSaved();
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage({
        kind: 'danger',
        text:
          error instanceof ApiError && error.code === 'ENABLE_CHECKLIST_INCOMPLETE'
            ? error.message
            : error instanceof ApiError && error.status === 403
              ? 'Ihre Rolle erlaubt diese Änderung nicht.'
              : 'Das Angebot konnte nicht gespeichert werden.',
      });
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate className="kern-stack" aria-labelledby="angebot-titel">
      <h2 className="kern-heading-medium" id="angebot-titel">
        Ihr Angebot
      </h2>
      {message ? <Alert kind={message.kind}><p className="kern-body">{message.text}</p></Alert> : null}
      <Checkbox id="angebot-aktiv" label="Auf unserem Portal anbieten" checked={enabled} onChange={setEnabled} />
      <SelectField
        id="angebot-regel"
        label="Versionsregel"
        value={mode}
        onChange={setMode}
        options={[
          { value: 'follow', label: 'Kompatiblen Änderungen folgen (^N)' },
          { value: 'pinned', label: 'Genau eine Version' },
        ]}
      />
      {mode === 'follow' ? (
        <SelectField id="angebot-hauptversion" label="Hauptversion" value={major} onChange={setMajor} options={majors.map((value) => ({ value, label: `^${value} (${value}.x.y)` }))} />
      ) : (
        <SelectField id="angebot-version" label="Version" value={pinned} onChange={setPinned} options={entry.versions.map((version) => ({ value: version.version, label: version.version }))} />
      )}
      {errors.versionPolicy ? <p className="kern-error" role="alert"><span className="kern-body">{errors.versionPolicy}</span></p> : null}
      <TextField id="angebot-vereinbart" label="Vereinbart am" type="date" value={agreedOn} onChange={setAgreedOn} required hint="Datum der Vereinbarung über die Einführung (maßgeblich für die Kostenverteilung nach § 2 Abs. 2)." error={errors.agreedOn} />
      <Button type="submit">Angebot speichern</Button>
    </form>
  );
}

/** The participant's own details shown on its portal's service page. */
function LocalDetailsForm({ entry, onSaved }: { entry: CatalogueEntry; onSaved: () => void }) {
  const [details, setDetails] = useState<LocalDetails>(entry.local ?? EMPTY_DETAILS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  useEffect(() => setDetails(entry.local ?? EMPTY_DETAILS), [entry.local]);
  const set = (key: keyof LocalDetails) => (value: string) => setDetails((current) => ({ ...current, [key]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      setDetails(await staffApi.put<LocalDetails>(`/api/v1/staff/catalogue/${encodeURIComponent(entry.id)}/local-details`, details));
      setMessage({ kind: 'success', text: 'Die örtlichen Angaben wurden gespeichert.' });
      onSaved();
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage({ kind: 'danger', text: 'Die örtlichen Angaben konnten nicht gespeichert werden.' });
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate className="kern-stack" aria-labelledby="ortsangaben-titel">
      <h2 className="kern-heading-medium" id="ortsangaben-titel">
        Örtliche Angaben
      </h2>
      <p className="kern-body kern-body--small">Diese Angaben erscheinen auf der Seite des Dienstes in Ihrem Portal.</p>
      {message ? <Alert kind={message.kind}><p className="kern-body">{message.text}</p></Alert> : null}
      <TextField id="ort-stelle" label="Zuständige Stelle" value={details.office} onChange={set('office')} error={errors.office} required />
      <TextField id="ort-kontakt" label="Ansprechperson" value={details.contact} onChange={set('contact')} error={errors.contact} />
      <TextField id="ort-telefon" label="Telefon" type="tel" value={details.phone} onChange={set('phone')} error={errors.phone} required />
      <TextField id="ort-email" label="E-Mail" type="email" value={details.email} onChange={set('email')} error={errors.email} required />
      <TextField id="ort-benachrichtigung" label="Benachrichtigungs-E-Mail für neue Anträge" type="email" value={details.notificationEmail} onChange={set('notificationEmail')} error={errors.notificationEmail} />
      <TextField id="ort-anschrift" label="Anschrift der zuständigen Stelle" multiline rows={3} value={details.address} onChange={set('address')} error={errors.address} hint="Straße und Hausnummer, Postleitzahl und Ort." required />
      <TextField id="ort-zeiten" label="Öffnungszeiten" multiline rows={3} value={details.openingHours} onChange={set('openingHours')} error={errors.openingHours} required />
      {entry.fees.map((fee) => (
        <TextField
          key={fee.key}
          id={`ort-gebuehr-${fee.key}`}
          label={`Gebühr vor Ort: ${fee.label}`}
          value={details.feeAmounts[fee.key] ?? ''}
          onChange={(value) => setDetails((current) => ({ ...current, feeAmounts: { ...current.feeAmounts, [fee.key]: value } }))}
          hint={fee.amount ? `Vorgabe des Kreises: ${fee.amount}. Nur ausfüllen, wenn bei Ihnen ein anderer Betrag gilt.` : 'Betrag nach Ihrer örtlichen Satzung, z. B. „30,00 Euro“.'}
          required={!fee.amount}
          error={errors[`feeAmounts/${fee.key}`]}
        />
      ))}
      <Button type="submit">Örtliche Angaben speichern</Button>
    </form>
  );
}

/** What must exist before the participant may switch the service on (legal pages, local details, local fees). */
function Checklist({ entry }: { entry: CatalogueEntry }) {
  const open = entry.checklist.items.filter((item) => !item.done).length;
  return (
    <section className="staff-section" aria-labelledby="checkliste-titel">
      <h2 className="kern-heading-medium" id="checkliste-titel">
        Checkliste vor dem Anbieten
      </h2>
      <p className="kern-body" role="status">
        {open === 0 ? 'Alles vollständig: Sie können die Leistung anbieten.' : `Noch ${open === 1 ? 'ein Punkt fehlt' : `${open} Punkte fehlen`}, bevor Sie die Leistung anbieten können.`}
      </p>
      <ul className="kern-list staff-checklist">
        {entry.checklist.items.map((item) => (
          <li key={item.key}>
            <span className="kern-label">{item.done ? 'Erledigt' : 'Fehlt'}:</span> {item.label}
            {!item.done && item.key.startsWith('legal.') ? (
              <>
                {' '}
                (<Link to={`${STAFF_BASE}/rechtliches`}>Rechtliche Seiten</Link>)
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One service of the catalogue for a participant: notice of a newer major, enablement, local details, versions. */
export function OfferingPage({ serviceId }: { serviceId: string }) {
  const { result, reload } = useApi<CatalogueEntry>(`/api/v1/staff/catalogue/${encodeURIComponent(serviceId)}`);
  const { user } = useSession();
  // Editors author services; the offering of a participant is managed by its staff and admins (the server checks).
  const manages = user.role !== 'editor';
  return (
    <LoadState loaded={result} notFound="Diesen Dienst gibt es nicht.">
      {(entry) => (
        <>
          <h1 className="kern-heading-large">{entry.title}</h1>
          <p className="kern-body">{entry.description}</p>
          <p className="kern-body kern-body--small">
            Federführung: {formatLead(entry.lead)} · Angeboten von: {entry.offeredBy.length > 0 ? entry.offeredBy.map(participantName).join(', ') : 'niemandem'}
          </p>
          {entry.newerMajor ? (
            <Alert kind="warning" title={`Neue Hauptversion ${entry.newerMajor.version}`}>
              <p className="kern-body">
                Ihr Portal liefert Version {entry.own?.servedVersion} aus. Version {entry.newerMajor.version} vom {formatDate(entry.newerMajor.changelog.date)} enthält inkompatible Änderungen und wird erst
                nach Änderung Ihrer Versionsregel ausgeliefert: {entry.newerMajor.changelog.summary}
              </p>
              {entry.newerMajorChanges && entry.newerMajorChanges.length > 0 ? (
                <ul className="kern-list">
                  {entry.newerMajorChanges.map((change, index) => (
                    <li key={index}>
                      {change.kind === 'breaking' ? 'Inkompatibel' : 'Kompatibel'}: {describeChangeInGerman(change)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          {manages ? <Checklist entry={entry} /> : null}
          {manages ? (
            <div className="staff-columns">
              <section className="staff-section">
                <EnablementForm entry={entry} onSaved={reload} />
              </section>
              <section className="staff-section">
                <LocalDetailsForm entry={entry} onSaved={reload} />
              </section>
            </div>
          ) : (
            <p className="kern-body">Das Angebot eines Portals pflegen dessen Beschäftigte; als Redaktion sehen Sie den Katalog.</p>
          )}
          <section aria-labelledby="versionen-titel" className="staff-section">
            <h2 className="kern-heading-medium" id="versionen-titel">
              Versionen
            </h2>
            <VersionList versions={entry.versions} />
          </section>
        </>
      )}
    </LoadState>
  );
}

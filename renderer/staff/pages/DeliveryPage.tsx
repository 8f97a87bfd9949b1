import { useState, type FormEvent } from 'react';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Checkbox } from '../components/Checkbox.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { DELIVERY_KIND_NAMES } from '../deliveryNames.ts';
import { formatDateTime } from '../formatting.ts';
import { isTenantAdmin, useSession } from '../session.ts';
import type { CatalogueEntry } from '../staffTypes.ts';

interface Channel {
  id: string;
  service: string | null;
  kind: string;
  enabled: boolean;
  config: Record<string, string>;
  hasSecret: boolean;
  updatedAt: string;
}

interface OutboxStatus {
  items: { tenant: string; pending: number; dead: number; oldestPendingAt: string | null; oldestPendingAgeSeconds: number | null }[];
}

const CONFIG_FIELDS: Record<string, { key: string; label: string; type?: 'email' | 'text'; hint?: string; optional?: boolean }[]> = {
  citizen_receipt: [],
  citizen_status: [],
  staff_notice: [{ key: 'address', label: 'E-Mail-Adresse des Posteingangs', type: 'email' }],
  webhook: [{ key: 'url', label: 'Adresse (https) des Fachverfahrens', hint: 'Die Anfrage ist mit dem Geheimnis signiert (HMAC-SHA256).' }],
  fitconnect: [
    { key: 'tokenUrl', label: 'Token-Adresse (OAuth2)' },
    { key: 'submissionApiUrl', label: 'Adresse der Submission API' },
    { key: 'destinationId', label: 'Zustellpunkt (destinationId)' },
    { key: 'clientId', label: 'Client-ID' },
    { key: 'scope', label: 'Scope', optional: true },
  ],
};
const NEEDS_SECRET = ['webhook', 'fitconnect'];

type Draft = { id: string | null; kind: string; service: string; enabled: boolean; config: Record<string, string>; secret: string };
const EMPTY: Draft = { id: null, kind: 'staff_notice', service: '', enabled: true, config: {}, secret: '' };

function describeTarget(channel: Channel): string {
  if (channel.kind === 'staff_notice') return channel.config.address ?? '–';
  if (channel.kind === 'webhook') return channel.config.url ?? '–';
  if (channel.kind === 'fitconnect') return `Zustellpunkt ${channel.config.destinationId ?? '–'}`;
  return 'Kontakt-E-Mail aus dem Antrag';
}

/** Delivery channels of the participant (admin) and the state of its outbox. */
export function DeliveryPage() {
  const { user } = useSession();
  const admin = isTenantAdmin(user);
  const channels = useApi<{ items: Channel[] }>(admin ? '/api/v1/staff/delivery-channels' : null);
  const catalogue = useApi<{ items: CatalogueEntry[] }>('/api/v1/staff/catalogue');
  const outbox = useApi<OutboxStatus>('/api/v1/staff/outbox');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  const serviceTitle = (id: string | null) => {
    if (id === null) return 'Alle Dienste';
    const entry = catalogue.result.state === 'ready' ? catalogue.result.data.items.find((item) => item.id === id) : undefined;
    return entry ? entry.title : id;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setErrors({});
    setMessage(null);
    const config = Object.fromEntries(Object.entries(draft.config).filter(([key, value]) => value !== '' && CONFIG_FIELDS[draft.kind]!.some((field) => field.key === key)));
    const body = { kind: draft.kind, service: draft.service || null, enabled: draft.enabled, config, ...(draft.secret ? { secret: draft.secret } : {}) };
    try {
      if (draft.id) await staffApi.put(`/api/v1/staff/delivery-channels/${encodeURIComponent(draft.id)}`, body);
      else await staffApi.post('/api/v1/staff/delivery-channels', body);
      setDraft(null);
      setMessage({ kind: 'success', text: 'Der Zustellweg wurde gespeichert.' });
      channels.reload();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(Object.fromEntries(error.errors.map((entry) => [entry.pointer, entry.message])));
      } else if (error instanceof ApiError && error.code === 'DELIVERY_CHANNEL_EXISTS') {
        setMessage({ kind: 'danger', text: 'Für diesen Dienst gibt es diesen Zustellweg schon; bitte den vorhandenen bearbeiten.' });
      } else {
        setMessage({ kind: 'danger', text: 'Der Zustellweg konnte nicht gespeichert werden.' });
      }
    }
  };

  const remove = async (channel: Channel) => {
    setMessage(null);
    try {
      await staffApi.delete(`/api/v1/staff/delivery-channels/${encodeURIComponent(channel.id)}`);
      setMessage({ kind: 'success', text: 'Der Zustellweg wurde gelöscht.' });
      channels.reload();
    } catch {
      setMessage({ kind: 'danger', text: 'Der Zustellweg konnte nicht gelöscht werden.' });
    }
  };

  return (
    <>
      <h1 className="kern-heading-large">Zustellung</h1>
      <p className="kern-body">
        Nach dem Absenden eines Antrags stellt das Portal ihn über die hier eingerichteten Wege zu. Jede Zustellung wird wiederholt, bis sie
        gelingt (höchstens etwa zwei Tage lang); den Stand sehen Sie im Posteingang beim jeweiligen Antrag.
      </p>
      <section aria-labelledby="warteschlange-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="warteschlange-titel">
          Warteschlange
        </h2>
        <LoadState loaded={outbox.result}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="kern-body">Keine ausstehenden oder gescheiterten Zustellungen.</p>
            ) : (
              <DataTable caption="Ausstehende Zustellungen" columns={['Teilnehmer', { label: 'Ausstehend', numeric: true }, { label: 'Gescheitert', numeric: true }, 'Älteste ausstehende seit']}>
                {data.items.map((item) => (
                  <tr key={item.tenant} className="kern-table__row">
                    <td className="kern-table__cell">{item.tenant}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{item.pending}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{item.dead}</td>
                    <td className="kern-table__cell">{item.oldestPendingAt ? formatDateTime(item.oldestPendingAt) : '–'}</td>
                  </tr>
                ))}
              </DataTable>
            )
          }
        </LoadState>
      </section>
      {!admin ? (
        <Alert kind="info">
          <p className="kern-body">Zustellwege richtet die Administration Ihres Portals ein.</p>
        </Alert>
      ) : (
        <section aria-labelledby="wege-titel" className="staff-section">
          <h2 className="kern-heading-medium" id="wege-titel">
            Zustellwege
          </h2>
          {message ? (
            <Alert kind={message.kind}>
              <p className="kern-body">{message.text}</p>
            </Alert>
          ) : null}
          <LoadState loaded={channels.result}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="kern-body">Noch keine Zustellwege eingerichtet.</p>
              ) : (
                <DataTable caption="Eingerichtete Zustellwege" columns={['Zustellweg', 'Dienst', 'Ziel', 'Aktiv', 'Geheimnis', 'Geändert', 'Aktionen']}>
                  {data.items.map((channel) => (
                    <tr key={channel.id} className="kern-table__row">
                      <td className="kern-table__cell">{DELIVERY_KIND_NAMES[channel.kind] ?? channel.kind}</td>
                      <td className="kern-table__cell">{serviceTitle(channel.service)}</td>
                      <td className="kern-table__cell">{describeTarget(channel)}</td>
                      <td className="kern-table__cell">{channel.enabled ? 'Ja' : 'Nein'}</td>
                      <td className="kern-table__cell">{NEEDS_SECRET.includes(channel.kind) ? (channel.hasSecret ? 'Hinterlegt' : 'Fehlt') : '–'}</td>
                      <td className="kern-table__cell">{formatDateTime(channel.updatedAt)}</td>
                      <td className="kern-table__cell">
                        <div className="editor-buttons">
                          <Button
                            variant="secondary"
                            small
                            ariaLabel={`Bearbeiten: ${DELIVERY_KIND_NAMES[channel.kind] ?? channel.kind}, ${serviceTitle(channel.service)}`}
                            onClick={() => setDraft({ id: channel.id, kind: channel.kind, service: channel.service ?? '', enabled: channel.enabled, config: { ...channel.config }, secret: '' })}
                          >
                            Bearbeiten
                          </Button>
                          <Button variant="tertiary" small ariaLabel={`Löschen: ${DELIVERY_KIND_NAMES[channel.kind] ?? channel.kind}, ${serviceTitle(channel.service)}`} onClick={() => void remove(channel)}>
                            Löschen
                          </Button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )
            }
          </LoadState>
          {draft ? (
            <form onSubmit={(event) => void save(event)} noValidate aria-labelledby="weg-form-titel">
              <h3 className="kern-heading-small" id="weg-form-titel">
                {draft.id ? 'Zustellweg bearbeiten' : 'Zustellweg hinzufügen'}
              </h3>
              <SelectField
                id="weg-art"
                label="Zustellweg"
                value={draft.kind}
                options={Object.entries(DELIVERY_KIND_NAMES).map(([value, label]) => ({ value, label }))}
                onChange={(kind) => setDraft({ ...draft, kind, config: {} })}
              />
              <SelectField
                id="weg-dienst"
                label="Dienst"
                hint="Ein Weg für einen einzelnen Dienst ersetzt für diesen Dienst den Weg für alle Dienste."
                value={draft.service}
                options={[
                  { value: '', label: 'Alle Dienste' },
                  ...(catalogue.result.state === 'ready' ? catalogue.result.data.items.map((item) => ({ value: item.id, label: item.title })) : []),
                ]}
                onChange={(service) => setDraft({ ...draft, service })}
              />
              {errors['/service'] ? <p className="kern-error" role="alert">{errors['/service']}</p> : null}
              <Checkbox id="weg-aktiv" label="Aktiv" checked={draft.enabled} onChange={(enabled) => setDraft({ ...draft, enabled })} />
              {CONFIG_FIELDS[draft.kind]!.map((field) => (
                <TextField
                  key={field.key}
                  id={`weg-${field.key}`}
                  label={field.label}
                  type={field.type ?? 'text'}
                  hint={field.hint}
                  required={!field.optional}
                  value={draft.config[field.key] ?? ''}
                  error={errors[`/config/${field.key}`] ?? (field.key === CONFIG_FIELDS[draft.kind]![0]!.key ? errors['/config'] : undefined)}
                  onChange={(value) => setDraft({ ...draft, config: { ...draft.config, [field.key]: value } })}
                />
              ))}
              {NEEDS_SECRET.includes(draft.kind) ? (
                <TextField
                  id="weg-geheimnis"
                  label={draft.kind === 'webhook' ? 'Geheimnis für die Signatur' : 'Client-Secret'}
                  type="password"
                  autoComplete="new-password"
                  required={!draft.id}
                  hint={draft.id ? 'Wird nie wieder angezeigt. Leer lassen, um das gespeicherte Geheimnis zu behalten.' : 'Mindestens 16 Zeichen; wird nach dem Speichern nie wieder angezeigt.'}
                  value={draft.secret}
                  error={errors['/secret']}
                  onChange={(secret) => setDraft({ ...draft, secret })}
                />
              ) : null}
              <div className="editor-buttons">
                <Button type="submit">Speichern</Button>
                <Button variant="secondary" onClick={() => setDraft(null)}>
                  Abbrechen
                </Button>
              </div>
            </form>
          ) : (
            <Button onClick={() => setDraft({ ...EMPTY })}>Zustellweg hinzufügen</Button>
          )}
        </section>
      )}
    </>
  );
}

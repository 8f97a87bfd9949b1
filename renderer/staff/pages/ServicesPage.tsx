import { useState, type FormEvent } from 'react';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Link } from '../components/Link.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { formatLead } from '../formatting.ts';
import { navigate, STAFF_BASE } from '../navigation.ts';
import type { ServiceSummary } from '../staffTypes.ts';
import { ImportPanel } from '../editor/ui/ImportPanel.tsx';

/** Kreis editors: all services with their latest version and draft, a form to create a service and the import of foreign forms. */
export function ServicesPage() {
  const { result } = useApi<{ items: ServiceSummary[] }>('/api/v1/staff/editor/services');
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFailure('');
    setErrors({});
    try {
      await staffApi.post('/api/v1/staff/editor/services', { id: id.trim(), title: title.trim() });
      navigate(`${STAFF_BASE}/editor/${encodeURIComponent(id.trim())}/entwurf`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SERVICE_EXISTS') setErrors({ id: 'Diese Kennung ist schon vergeben.' });
      else if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(Object.fromEntries(error.errors.map((detail) => [detail.pointer.slice(1), detail.message])));
      } else setFailure('Der Dienst konnte nicht angelegt werden.');
    }
  };

  return (
    <>
      <h1 className="kern-heading-large">Dienste bearbeiten</h1>
      <LoadState loaded={result}>
        {(data) => (
          <DataTable caption="Alle Dienste" columns={['Dienst', 'Federführung', 'Neueste Version', 'Entwurf']}>
            {data.items.map((service) => (
              <tr className="kern-table__row" key={service.id}>
                <td className="kern-table__cell">
                  <Link to={`${STAFF_BASE}/editor/${encodeURIComponent(service.id)}`}>{service.title}</Link>
                  <br />
                  <span className="kern-body kern-body--small">{service.id}</span>
                </td>
                <td className="kern-table__cell">{formatLead(service.lead)}</td>
                <td className="kern-table__cell">{service.latestVersion ?? 'noch keine'}</td>
                <td className="kern-table__cell">{service.draft ? `Version ${service.draft.version ?? '?'} (Stand ${service.draft.revision})` : '–'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </LoadState>
      <section aria-labelledby="neuer-dienst" className="staff-section">
        <h2 className="kern-heading-medium" id="neuer-dienst">
          Neuen Dienst anlegen
        </h2>
        {failure ? <Alert kind="danger"><p className="kern-body">{failure}</p></Alert> : null}
        <form onSubmit={(event) => void create(event)} noValidate className="kern-stack">
          <TextField id="neu-titel" label="Titel" value={title} onChange={setTitle} required error={errors.title} hint="Wie Bürgerinnen und Bürger den Dienst finden, z. B. „Antrag auf Sondernutzung“." />
          <TextField id="neu-kennung" label="Kennung" value={id} onChange={setId} required error={errors.id} hint="Kleinbuchstaben, Ziffern und Bindestriche, z. B. „sondernutzung-antrag“. Nicht mehr änderbar." />
          <Button type="submit">Dienst anlegen</Button>
        </form>
      </section>
      <ImportPanel />
    </>
  );
}

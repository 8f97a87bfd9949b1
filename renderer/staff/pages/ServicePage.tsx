import { useState } from 'react';
import { staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Link } from '../components/Link.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { VersionList } from '../components/VersionList.tsx';
import { useApi } from '../components/useApi.ts';
import { formatDateTime, formatLead } from '../formatting.ts';
import { navigate, STAFF_BASE } from '../navigation.ts';
import type { ServiceSummary } from '../staffTypes.ts';

/** One service for Kreis editors: its published versions with changelog, its draft, and starting a new draft. */
export function ServicePage({ serviceId }: { serviceId: string }) {
  const { result } = useApi<ServiceSummary>(`/api/v1/staff/editor/services/${encodeURIComponent(serviceId)}`);
  const [failure, setFailure] = useState('');
  const draftPath = `${STAFF_BASE}/editor/${encodeURIComponent(serviceId)}/entwurf`;

  const startDraft = async () => {
    try {
      await staffApi.post(`/api/v1/staff/editor/services/${encodeURIComponent(serviceId)}/draft`);
      navigate(draftPath);
    } catch {
      setFailure('Der Entwurf konnte nicht angelegt werden.');
    }
  };

  return (
    <LoadState loaded={result} notFound="Diesen Dienst gibt es nicht.">
      {(service) => (
        <>
          <h1 className="kern-heading-large">{service.title}</h1>
          <p className="kern-body">
            Kennung {service.id} · Federführung: {formatLead(service.lead)}
          </p>
          {failure ? <Alert kind="danger"><p className="kern-body">{failure}</p></Alert> : null}
          <section aria-labelledby="entwurf" className="staff-section">
            <h2 className="kern-heading-medium" id="entwurf">
              Entwurf
            </h2>
            {service.draft ? (
              <p className="kern-body">
                Version {service.draft.version ?? '?'}, Stand {service.draft.revision}, zuletzt gespeichert {formatDateTime(service.draft.updatedAt)} von{' '}
                {service.draft.updatedBy}. <Link to={draftPath}>Entwurf bearbeiten</Link>
              </p>
            ) : (
              <Button onClick={() => void startDraft()}>Neuen Entwurf aus Version {service.latestVersion} anlegen</Button>
            )}
          </section>
          <section aria-labelledby="versionen" className="staff-section">
            <h2 className="kern-heading-medium" id="versionen">
              Veröffentlichte Versionen
            </h2>
            {service.versions.length === 0 ? <p className="kern-body">Noch keine Version veröffentlicht.</p> : null}
            <VersionList versions={service.versions} />
          </section>
        </>
      )}
    </LoadState>
  );
}

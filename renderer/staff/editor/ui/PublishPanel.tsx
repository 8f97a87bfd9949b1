import { useState } from 'react';
import { ApiError, staffApi } from '../../api/staffApi.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';

interface PublishPanelProps {
  serviceId: string;
  version: string;
  /** Saves pending changes; false when saving failed (then nothing is published). */
  flush: () => Promise<boolean>;
  revision: () => number;
  onPublished: (version: string) => void;
}

/** Publishes the saved draft; shows the server's refusal (problems, changes, required bump) in place. */
export function PublishPanel({ serviceId, version, flush, revision, onPublished }: PublishPanelProps) {
  const [refusal, setRefusal] = useState<{ message: string; details: { pointer: string; message: string }[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      if (!(await flush())) {
        setRefusal({ message: 'Der Entwurf ist nicht gespeichert; bitte zuerst den Konflikt lösen.', details: [] });
        return;
      }
      const published = await staffApi.post<{ version: string }>(`/api/v1/staff/editor/services/${encodeURIComponent(serviceId)}/publish`, { revision: revision() });
      onPublished(published.version);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PUBLISH_REFUSED') {
        setRefusal({ message: `Version ${version} kann nicht veröffentlicht werden. ${translateRefusal(error.message)}`, details: error.errors });
      } else if (error instanceof ApiError && error.code === 'DRAFT_CONFLICT') {
        setRefusal({ message: 'Der Entwurf wurde inzwischen geändert. Bitte neu laden.', details: [] });
      } else if (error instanceof ApiError && error.code === 'VERSION_EXISTS') {
        setRefusal({ message: `Version ${version} ist bereits veröffentlicht.`, details: [] });
      } else {
        setRefusal({ message: 'Die Veröffentlichung ist fehlgeschlagen.', details: [] });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kern-stack">
      <p className="kern-body kern-body--small">Eine veröffentlichte Version ist unveränderlich. Kommunen, die kompatiblen Änderungen folgen (^N), erhalten neue Neben- und Korrekturversionen sofort.</p>
      {refusal ? (
        <Alert kind="danger" title="Veröffentlichung abgelehnt">
          <p className="kern-body">{refusal.message}</p>
          {refusal.details.length > 0 ? (
            <ul className="kern-list editor-refusal">
              {refusal.details.map((detail, index) => (
                <li key={index}>
                  {detail.message} <code>{detail.pointer}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Button onClick={() => void publish()} disabled={busy}>
        Version {version} veröffentlichen
      </Button>
    </div>
  );
}

/** The server's English refusal summary in German (the details list stays technical). */
function translateRefusal(message: string): string {
  const bump = /require a (major|minor|patch) version \(at least ([0-9.]+)\)/.exec(message);
  if (!bump) return 'Bitte die aufgeführten Punkte beheben.';
  const names = { major: 'eine neue Hauptversion', minor: 'eine neue Nebenversion', patch: 'eine neue Korrekturversion' } as const;
  return `Die Änderungen erfordern ${names[bump[1] as keyof typeof names]}, mindestens ${bump[2]}.`;
}

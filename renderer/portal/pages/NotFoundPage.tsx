import { useEffect } from 'react';
import type { Participant } from '../../../engine/participants.ts';
import { Link } from '../components/Link.tsx';
import { portalPaths } from '../routing.ts';

/** German 404 page: unknown participant, service or address. */
export function NotFoundPage({ participant }: { participant: Participant | undefined }) {
  useEffect(() => {
    document.title = `Seite nicht gefunden – ${participant?.portalName ?? 'Serviceportal'}`;
  }, [participant]);
  return (
    <>
      <h1 className="kern-heading-large" id="kf-seitentitel" tabIndex={-1}>
        Seite nicht gefunden
      </h1>
      <p className="kern-body">
        Die aufgerufene Seite gibt es nicht (Fehler 404). Vielleicht ist die Adresse falsch geschrieben, oder die Leistung
        wird hier nicht (mehr) angeboten.
      </p>
      {participant ? (
        <p className="kern-body">
          <Link to={portalPaths.start(participant.slug)}>Zur Übersicht aller Leistungen im {participant.portalName}</Link>
        </p>
      ) : (
        <p className="kern-body">
          Die Serviceportale finden Sie unter <a className="kern-link" href="/kreis-heinsberg/">Serviceportal Kreis Heinsberg</a>.
        </p>
      )}
    </>
  );
}

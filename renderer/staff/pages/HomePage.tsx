import type { LegalPagesView } from '../../../contract/portalApi.ts';
import { Link } from '../components/Link.tsx';
import { useApi } from '../components/useApi.ts';
import { STAFF_BASE } from '../navigation.ts';
import { isKreisEditor, useSession } from '../session.ts';
import { LegalPagesNotice } from './LegalPagesPage.tsx';

/** Start page: what the signed-in user can do. */
export function HomePage() {
  const { user } = useSession();
  // The participant's admin is told at once when the portal lacks its legal pages.
  const { result: legal } = useApi<LegalPagesView>(user.role === 'admin' ? '/api/v1/staff/legal-pages' : null);
  return (
    <>
      <h1 className="kern-heading-large">Übersicht</h1>
      {legal.state === 'ready' && legal.data.missing.length > 0 ? (
        <>
          <LegalPagesNotice missing={legal.data.missing} />
          <p className="kern-body">
            <Link to={`${STAFF_BASE}/rechtliches`}>Rechtliche Seiten jetzt ausfüllen</Link>
          </p>
        </>
      ) : null}
      <ul className="kern-list staff-cards">
        {isKreisEditor(user) ? (
          <li>
            <Link to={`${STAFF_BASE}/editor`}>Dienste bearbeiten</Link>
            <p className="kern-body kern-body--small">Formulare anlegen, ändern und neue Versionen veröffentlichen.</p>
          </li>
        ) : null}
        <li>
          <Link to={`${STAFF_BASE}/angebot`}>Angebot</Link>
          <p className="kern-body kern-body--small">Katalog aller Dienste, eigenes Angebot, Versionsregel und örtliche Angaben.</p>
        </li>
        {user.role !== 'editor' ? (
          <li>
            <Link to={`${STAFF_BASE}/eingang`}>Posteingang</Link>
            <p className="kern-body kern-body--small">Eingegangene Anträge ansehen, bearbeiten und exportieren.</p>
          </li>
        ) : null}
        {user.role !== 'editor' ? (
          <li>
            <Link to={`${STAFF_BASE}/rechtliches`}>Rechtliche Seiten</Link>
            <p className="kern-body kern-body--small">Impressum, Datenschutzerklärung und Kontakt des eigenen Portals.</p>
          </li>
        ) : null}
        {user.tenant === 'kreis-heinsberg' ? (
          <li>
            <Link to={`${STAFF_BASE}/berichte`}>Kostenberichte</Link>
            <p className="kern-body kern-body--small">Kostenverteilung nach Einwohnerzahl, Teilnahmen und Kündigungen.</p>
          </li>
        ) : null}
        {user.role === 'admin' ? (
          <li>
            <Link to={`${STAFF_BASE}/benutzer`}>Benutzer</Link>
            <p className="kern-body kern-body--small">Beschäftigte anlegen, Rollen vergeben, deaktivieren und Passwörter zurücksetzen; Protokoll und Statistik.</p>
          </li>
        ) : null}
        <li>
          <Link to={`${STAFF_BASE}/konto`}>Mein Konto</Link>
          <p className="kern-body kern-body--small">Eigenes Passwort ändern und den zweiten Faktor einrichten.</p>
        </li>
      </ul>
    </>
  );
}

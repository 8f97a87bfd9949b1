import { Link } from '../components/Link.tsx';
import { STAFF_BASE } from '../navigation.ts';
import { isKreisEditor, useSession } from '../session.ts';

/** Start page: what the signed-in user can do. */
export function HomePage() {
  const { user } = useSession();
  return (
    <>
      <h1 className="kern-heading-large">Übersicht</h1>
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

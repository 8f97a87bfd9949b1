import { useEffect, type ReactNode } from 'react';
import { STAFF_BASE, useLocation } from '../navigation.ts';
import { isKreisEditor, useSession } from '../session.ts';
import { Link } from './Link.tsx';

const ROLE_NAMES = { staff: 'Sachbearbeitung', editor: 'Redaktion', admin: 'Administration' } as const;

/** Frame of every signed-in page: skip link, header with participant and user, main navigation, sign-out. */
export function StaffLayout({ participantName, children }: { participantName: string; children: ReactNode }) {
  const { user, signOut } = useSession();
  const { path } = useLocation();
  const links = [
    { to: `${STAFF_BASE}/`, label: 'Übersicht', show: true },
    { to: `${STAFF_BASE}/editor`, label: 'Dienste bearbeiten', show: isKreisEditor(user) },
    { to: `${STAFF_BASE}/angebot`, label: 'Angebot', show: true },
    { to: `${STAFF_BASE}/eingang`, label: 'Posteingang', show: user.role !== 'editor' },
    { to: `${STAFF_BASE}/berichte`, label: 'Kostenberichte', show: user.tenant === 'kreis-heinsberg' },
    { to: `${STAFF_BASE}/benutzer`, label: 'Benutzer', show: user.role === 'admin' },
    { to: `${STAFF_BASE}/protokoll`, label: 'Protokoll', show: user.role === 'admin' },
    { to: `${STAFF_BASE}/statistik`, label: 'Statistik', show: user.role === 'admin' },
    { to: `${STAFF_BASE}/konto`, label: 'Mein Konto', show: true },
    { to: `${STAFF_BASE}/rechtliches`, label: 'Rechtliche Seiten', show: user.role !== 'editor' },
    { to: `${STAFF_BASE}/zustellung`, label: 'Zustellung', show: user.role !== 'editor' },
    { to: `${STAFF_BASE}/zahlungen`, label: 'Zahlungen', show: user.role !== 'editor' },
  ].filter((link) => link.show);
  const isCurrent = (to: string) => (to === `${STAFF_BASE}/` ? path === to || path === STAFF_BASE : path.startsWith(to));

  useEffect(() => {
    document.getElementById('inhalt')?.focus({ preventScroll: true });
  }, [path]);

  return (
    <>
      <a className="kern-link staff-skip" href="#inhalt">
        Zum Inhalt springen
      </a>
      <header className="staff-header">
        <div className="kern-container staff-header__inner">
          <p className="kern-body kern-body--bold staff-header__title">Verwaltung · Serviceportal {participantName}</p>
          <p className="kern-body kern-body--small staff-header__user">
            {user.email} ({ROLE_NAMES[user.role]})
          </p>
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => void signOut()}>
            <span className="kern-label">Abmelden</span>
          </button>
        </div>
        <nav aria-label="Hauptnavigation" className="kern-container">
          <ul className="staff-nav">
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} current={isCurrent(link.to)}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="kern-container staff-main" id="inhalt" tabIndex={-1}>
        {children}
      </main>
      <footer className="kern-container staff-footer">
        <p className="kern-body kern-body--small">
          Serviceportal des Kreises Heinsberg und seiner Kommunen · <Link to={`${STAFF_BASE}/`}>Übersicht</Link>
        </p>
      </footer>
    </>
  );
}

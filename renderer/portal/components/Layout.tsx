import type { ReactNode } from 'react';
import type { Participant } from '../../../engine/participants.ts';
import { portalPaths } from '../routing.ts';
import { Link } from './Link.tsx';

/** KERN page frame: Kopfzeile, header with the portal name, main, footer with the accessibility links. */
export function Layout({ participant, children }: { participant: Participant | undefined; children: ReactNode }) {
  return (
    <div className={`kf-page${participant ? ` kf-tenant-${participant.slug}` : ''}`}>
      <a className="kf-skip-link kern-link" href="#kf-inhalt">
        Zum Inhalt springen
      </a>
      <div className="kern-kopfzeile">
        <div className="kern-container">
          <div className="kern-kopfzeile__content">
            <span className="kern-kopfzeile__flagge" aria-hidden="true">
              <svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 16" width="24" height="16">
                <path fill="#000" d="M0 .5h24v5.333H0z" />
                <path fill="red" d="M0 5.833h24v5.333H0z" />
                <path fill="#FACA2C" d="M0 11.167h24V16.5H0z" />
              </svg>
            </span>
            <span className="kern-kopfzeile__label">
              {participant ? `Offizielles Serviceportal – ${participant.name}` : 'Serviceportal Kreis Heinsberg'}
            </span>
          </div>
        </div>
      </div>
      <header className="kf-header">
        <div className="kern-container">
          {participant ? (
            <Link to={portalPaths.start(participant.slug)} className="kf-header__name">
              {participant.portalName}
            </Link>
          ) : (
            <span className="kf-header__name">Serviceportal</span>
          )}
        </div>
      </header>
      <main className="kern-container kf-main" id="kf-inhalt">
        {children}
      </main>
      <footer className="kf-footer">
        <div className="kern-container">
          {participant ? (
            <nav aria-label="Service, Barrierefreiheit und rechtliche Hinweise">
              <ul className="kern-list kern-list--horizontal">
                <li>
                  <Link to={portalPaths.start(participant.slug)}>Alle Leistungen</Link>
                </li>
                <li>
                  <Link to={portalPaths.resume(participant.slug)}>Antrag fortsetzen</Link>
                </li>
                <li>
                  <Link to={portalPaths.status(participant.slug)}>Antragsstatus</Link>
                </li>
                <li>
                  <Link to={portalPaths.accessibility(participant.slug)}>Erklärung zur Barrierefreiheit</Link>
                </li>
                <li>
                  <Link to={portalPaths.feedback(participant.slug)}>Barriere melden</Link>
                </li>
                <li>
                  <Link to={portalPaths.legal(participant.slug, 'impressum')}>Impressum</Link>
                </li>
                <li>
                  <Link to={portalPaths.legal(participant.slug, 'datenschutz')}>Datenschutz</Link>
                </li>
                <li>
                  <Link to={portalPaths.legal(participant.slug, 'kontakt')}>Kontakt</Link>
                </li>
              </ul>
            </nav>
          ) : null}
          <p className="kern-body kern-body--small">
            {participant ? participant.name : 'Kreis Heinsberg und seine Kommunen'} · Gemeinsames Serviceportal des
            Kreises Heinsberg und seiner zehn Kommunen
          </p>
        </div>
      </footer>
    </div>
  );
}

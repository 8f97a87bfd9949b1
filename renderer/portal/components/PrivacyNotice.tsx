import { SafeText } from '../../shared/SafeText.tsx';
import type { ServedDefinition } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';
import { portalPaths } from '../routing.ts';
import { Link } from './Link.tsx';

/**
 * '30 Tage', '3.650 Tage': German digit grouping written out, since the notice is part of the form's first paint and
 * the first Intl formatter of a page costs tens of milliseconds (ICU set-up).
 */
function formatDays(days: number): string {
  if (days === 1) return 'einen Tag';
  const text = Number.isInteger(days) && days >= 0 ? String(days).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : days.toLocaleString('de-DE');
  return `${text} Tage`;
}

/**
 * The Art. 13 GDPR facts a citizen reads before starting a form: controller (the participant), its data protection
 * officer, purposes, legal basis, retention (from retentionDays) and recipients, with a link to the full
 * Datenschutzerklärung of the portal.
 */
export function PrivacyNotice({ definition }: { definition: ServedDefinition }) {
  const { participant } = usePortal();
  const privacy = definition.serviceInfo?.privacy;
  const notice = definition.privacyNotice;
  return (
    <section aria-labelledby="kf-datenschutzhinweis" className="kf-section kf-privacy-notice">
      <h2 className="kern-heading-medium" id="kf-datenschutzhinweis">
        Hinweise zum Datenschutz
      </h2>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Verantwortlich</dt>
          <dd className="kern-description-list-item__value">{notice ? <SafeText source={notice.controller} headingLevel={3} /> : participant.name}</dd>
        </div>
        {notice?.officer ? (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Datenschutzbeauftragte</dt>
            <dd className="kern-description-list-item__value">
              <SafeText source={notice.officer} headingLevel={3} />
            </dd>
          </div>
        ) : null}
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Zweck</dt>
          <dd className="kern-description-list-item__value">
            {privacy && privacy.purposes.length > 0 ? (
              <ul className="kern-list kern-list--bullet">
                {privacy.purposes.map((purpose) => (
                  <li key={purpose}>{purpose}</li>
                ))}
              </ul>
            ) : (
              `Bearbeitung Ihres Antrags „${definition.title}“`
            )}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Rechtsgrundlage</dt>
          <dd className="kern-description-list-item__value">
            Art. 6 Abs. 1 Buchst. c und e DSGVO{definition.legalBasis ? ` in Verbindung mit ${definition.legalBasis}` : ''}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Speicherdauer</dt>
          <dd className="kern-description-list-item__value">
            Ihre Angaben werden {formatDays(definition.retentionDays)} nach dem Eingang automatisch gelöscht, früher auf Ihren Antrag.
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Empfänger</dt>
          <dd className="kern-description-list-item__value">
            {privacy && privacy.recipients.length > 0 ? (
              <ul className="kern-list kern-list--bullet">
                {privacy.recipients.map((recipient) => (
                  <li key={recipient}>{recipient}</li>
                ))}
              </ul>
            ) : (
              'Ihre Angaben erhält nur die zuständige Stelle der ' + participant.name + '.'
            )}
          </dd>
        </div>
      </dl>
      <p className="kern-body">
        Ihre Rechte (Auskunft, Berichtigung, Löschung, Beschwerde) und alle weiteren Angaben finden Sie in der{' '}
        <Link to={portalPaths.legal(participant.slug, 'datenschutz')}>Datenschutzerklärung</Link>.
      </p>
    </section>
  );
}

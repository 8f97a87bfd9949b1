import { FeeItem } from '../components/FeeItem.tsx';
import { useEffect } from 'react';
import { getParticipant } from '../../../engine/participants.ts';
import { Alert } from '../components/Alert.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ApiError, describeApiError, type ServedDefinition } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';
import { portalPaths } from '../routing.ts';
import { loadService } from '../serviceCache.ts';
import { useAsync } from '../useAsync.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

function describeLead(lead: ServedDefinition['lead']): string {
  if (lead.kind === 'kreis') return 'Kreis Heinsberg (für alle Kommunen gemeinsam)';
  return lead.participants.map((slug) => getParticipant(slug)?.name ?? slug).join(', ');
}

/** A service's page: description, lead, legal basis, local contact details, link to the form. */
export function ServicePage({ service }: { service: string }) {
  const { participant } = usePortal();
  const state = useAsync(`service:${participant.slug}/${service}`, () => loadService(participant.slug, service));
  const served = state.status === 'done' ? state.value : undefined;
  // While the citizen reads, fetch what the form needs: its code chunk and the precompiled validator.
  useEffect(() => {
    if (!served) return;
    void import('./FormPage.tsx').catch(() => undefined);
    void import('../../shared/validation/loadPrecompiledValidator.ts')
      .then((module) => module.loadValidatorFunctions(served.id, served.version))
      .catch(() => undefined);
  }, [served]);
  if (state.status === 'loading') return <Loading text="Leistung wird geladen …" />;
  if (state.status === 'failed') {
    if (state.error instanceof ApiError && state.error.status === 404) return <NotFoundPage participant={participant} />;
    return (
      <Alert kind="danger" title="Die Leistung konnte nicht geladen werden">
        <p className="kern-body">{describeApiError(state.error)}</p>
      </Alert>
    );
  }
  const definition = state.value;
  const details = definition.local;
  const info = definition.serviceInfo;
  const closed = definition.acceptsSubmissions === false;
  const stepCount = definition.steps?.length ?? 1;
  const contactRows = (
    [
      ['Stelle', details?.office || (info?.contactRole ? `${participant.name}, ${info.contactRole}` : '')],
      ['Anschrift', details?.address ?? ''],
      ['Öffnungszeiten', details?.openingHours ?? ''],
      ['Telefon', details?.phone ?? ''],
      ['E-Mail', details?.email ?? ''],
      ['Ansprechperson', details?.contact ?? ''],
    ] as const
  ).filter(([, value]) => Boolean(value));
  return (
    <>
      <nav aria-label="Brotkrumen" className="kf-breadcrumb">
        <Link to={portalPaths.start(participant.slug)}>Alle Leistungen</Link>
      </nav>
      <PageHeading title={definition.title}>{definition.title}</PageHeading>
      <p className="kern-body kern-body--large kf-prewrap">{definition.description}</p>
      {definition.fees.length > 0 || definition.fee !== undefined ? (
        <section aria-labelledby="kf-kosten" className="kf-section">
          <h2 className="kern-heading-medium" id="kf-kosten">
            Kosten
          </h2>
          <dl className="kern-description-list">
            <FeeItem tenant={participant.slug} service={definition.id} />
            {definition.fees.map((fee) => (
              <div className="kern-description-list-item" key={fee.key}>
                <dt className="kern-description-list-item__key">{fee.label}</dt>
                <dd className="kern-description-list-item__value">
                  {fee.amount ?? 'Bitte erfragen Sie den Betrag bei der zuständigen Stelle.'}
                  {fee.note ? <span className="kf-block kern-body--small">{fee.note}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {info?.documents && info.documents.length > 0 ? (
        <section aria-labelledby="kf-unterlagen" className="kf-section">
          <h2 className="kern-heading-medium" id="kf-unterlagen">
            Erforderliche Unterlagen
          </h2>
          <ul className="kern-list kern-list--bullet">
            {info.documents.map((document) => (
              <li key={document}>{document}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {info?.processingTime ? (
        <section aria-labelledby="kf-dauer" className="kf-section">
          <h2 className="kern-heading-medium" id="kf-dauer">
            Bearbeitungsdauer
          </h2>
          <p className="kern-body">{info.processingTime}</p>
        </section>
      ) : null}
      {contactRows.length > 0 ? (
        <section aria-labelledby="kf-kontakt" className="kf-section">
          <h2 className="kern-heading-medium" id="kf-kontakt">
            Zuständige Stelle
          </h2>
          <dl className="kern-description-list">
            {contactRows.map(([key, value]) => (
              <div className="kern-description-list-item" key={key}>
                <dt className="kern-description-list-item__key">{key}</dt>
                <dd className="kern-description-list-item__value kf-prewrap">
                  {key === 'E-Mail' ? (
                    <a className="kern-link" href={`mailto:${value}`}>
                      {value}
                    </a>
                  ) : key === 'Telefon' ? (
                    <a className="kern-link" href={`tel:${String(value).replace(/[^0-9+]/g, '')}`}>
                      {value}
                    </a>
                  ) : (
                    value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="kf-weiteres" className="kf-section">
        <h2 className="kern-heading-medium" id="kf-weiteres">
          Weitere Informationen
        </h2>
        <dl className="kern-description-list">
          {definition.legalBasis ? (
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Rechtsgrundlage</dt>
              <dd className="kern-description-list-item__value">{definition.legalBasis}</dd>
            </div>
          ) : null}
          {definition.category ? (
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Kategorie</dt>
              <dd className="kern-description-list-item__value">{definition.category}</dd>
            </div>
          ) : null}
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Federführung</dt>
            <dd className="kern-description-list-item__value">{describeLead(definition.lead)}</dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Umfang</dt>
            <dd className="kern-description-list-item__value">
              {stepCount === 1 ? 'Ein Formularschritt' : `${stepCount} Formularschritte`}, danach prüfen Sie Ihre Angaben vor dem Absenden.
            </dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">Datenschutz</dt>
            <dd className="kern-description-list-item__value">
              Ihre Angaben werden nach {definition.retentionDays} Tagen gelöscht.{' '}
              <Link to={portalPaths.legal(participant.slug, 'datenschutz')}>Datenschutzerklärung</Link>
            </dd>
          </div>
        </dl>
      </section>
      {closed ? (
        <Alert kind="warning" title="Keine neuen Anträge">
          <p className="kern-body">{definition.closedMessage ?? 'Dieses Serviceportal nimmt keine neuen Anträge mehr an.'}</p>
        </Alert>
      ) : (
        <p className="kf-button-row">
          <Link to={portalPaths.form(participant.slug, definition.id)} className="kern-btn kern-btn--primary kf-link-button">
            <span className="kern-label">Antrag online stellen</span>
          </Link>
        </p>
      )}
      <p className="kern-body">
        Sie haben einen Antrag zwischengespeichert?{' '}
        <Link to={portalPaths.resume(participant.slug)}>Antrag mit Fortsetzungscode fortsetzen</Link>
      </p>
    </>
  );
}

import { useMemo, useState } from 'react';
import { Alert } from '../components/Alert.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { filterCatalogue, listCategories } from '../filterCatalogue.ts';
import { describeApiError, portalApi } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';
import { portalPaths } from '../routing.ts';
import { useAsync } from '../useAsync.ts';

/** A participant's start page: its catalogue with search by name, keywords and category. */
export function StartPage() {
  const { participant } = usePortal();
  const services = useAsync(`services:${participant.slug}`, () => portalApi.listServices(participant.slug));
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const entries = useMemo(() => (services.status === 'done' ? services.value.items : []), [services]);
  const closedMessage = services.status === 'done' ? services.value.closedMessage : null;
  const categories = useMemo(() => listCategories(entries), [entries]);
  const shown = useMemo(() => filterCatalogue(entries, query, category), [entries, query, category]);

  return (
    <>
      <PageHeading title="Online-Dienste">{participant.portalName}</PageHeading>
      <p className="kern-body kern-body--large">
        Hier erledigen Sie Anträge und Meldungen bei der Verwaltung {participant.kind === 'kreis' ? 'des' : 'der'}{' '}
        {participant.name} online – ohne Benutzerkonto. Sie können einen Antrag zwischenspeichern und später fortsetzen.
      </p>
      {closedMessage ? (
        <Alert kind="warning" title="Dieses Serviceportal nimmt keine neuen Anträge an">
          <p className="kern-body">{closedMessage}</p>
        </Alert>
      ) : null}
      <div role="search" className="kf-search" aria-label="Leistungen durchsuchen">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="kf-suche">
            Leistung suchen
          </label>
          <div className="kern-hint" id="kf-suche-hinweis">
            Zum Beispiel „Hund“, „Gewerbe“ oder „Parken“
          </div>
          <input
            id="kf-suche"
            type="search"
            className="kern-form-input__input"
            aria-describedby="kf-suche-hinweis"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="kf-kategorie">
            Kategorie
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="kf-kategorie"
              className="kern-form-input__select"
              value={category}
              onChange={(event) => setCategory(event.target.value)}
            >
              <option value="">Alle Kategorien</option>
              {categories.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <h2 className="kern-heading-medium">Leistungen</h2>
      {services.status === 'loading' ? <Loading text="Leistungen werden geladen …" /> : null}
      {services.status === 'failed' ? (
        <Alert kind="danger" title="Die Leistungen konnten nicht geladen werden">
          <p className="kern-body">{describeApiError(services.error)}</p>
        </Alert>
      ) : null}
      {services.status === 'done' ? (
        <>
          <p className="kern-body" role="status" aria-live="polite">
            {shown.length === 1 ? '1 Leistung gefunden' : `${shown.length} Leistungen gefunden`}
          </p>
          <ul className="kf-catalogue" aria-label="Gefundene Leistungen">
            {shown.map((entry) => (
              <li key={entry.id} className="kern-card kf-catalogue__entry">
                <div className="kern-card__container">
                  <div className="kern-card__header">
                    {entry.category ? <p className="kern-preline">{entry.category}</p> : null}
                    <h3 className="kern-title">
                      <Link to={portalPaths.service(participant.slug, entry.id)}>{entry.title}</Link>
                    </h3>
                  </div>
                  <div className="kern-card__body">
                    <p className="kern-body">{entry.description}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

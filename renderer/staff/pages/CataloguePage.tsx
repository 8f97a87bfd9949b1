import { Link } from '../components/Link.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { useApi } from '../components/useApi.ts';
import { formatLead, participantName } from '../formatting.ts';
import { STAFF_BASE } from '../navigation.ts';
import type { CatalogueEntry } from '../staffTypes.ts';

function describeOwn(entry: CatalogueEntry): string {
  if (!entry.own || !entry.own.enabled) return 'Nicht angeboten';
  const policy = entry.own.versionPolicy.startsWith('^') ? `folgt ${entry.own.versionPolicy}` : `fest ${entry.own.versionPolicy}`;
  return `Angeboten (${policy}, ausgeliefert: ${entry.own.servedVersion ?? 'keine passende Version'})`;
}

function describeChecklist(entry: CatalogueEntry): string {
  const open = entry.checklist.items.filter((item) => !item.done).length;
  return open === 0 ? 'Checkliste vollständig' : `Checkliste: ${open === 1 ? 'ein Punkt fehlt' : `${open} Punkte fehlen`}`;
}

/** The catalogue of all published services as the user's participant sees it. */
export function CataloguePage() {
  const { result } = useApi<{ items: CatalogueEntry[] }>('/api/v1/staff/catalogue');
  return (
    <>
      <h1 className="kern-heading-large">Angebot</h1>
      <p className="kern-body">Alle veröffentlichten Dienste des Serviceportals. Wählen Sie einen Dienst, um ihn für Ihr Portal an- oder abzuschalten und örtliche Angaben zu pflegen.</p>
      <LoadState loaded={result}>
        {(data) => (
          <DataTable caption="Katalog" columns={['Dienst', 'Federführung', 'Neueste Version', 'Angeboten von', 'Ihr Angebot']}>
            {data.items.map((entry) => (
              <tr className="kern-table__row" key={entry.id}>
                <td className="kern-table__cell">
                  <Link to={`${STAFF_BASE}/angebot/${encodeURIComponent(entry.id)}`}>{entry.title}</Link>
                </td>
                <td className="kern-table__cell">{formatLead(entry.lead)}</td>
                <td className="kern-table__cell">
                  {entry.latestVersion}
                  <br />
                  <span className="kern-body kern-body--small">{entry.versions[0]?.changelog.summary}</span>
                </td>
                <td className="kern-table__cell">{entry.offeredBy.length > 0 ? entry.offeredBy.map(participantName).join(', ') : '–'}</td>
                <td className="kern-table__cell">
                  {describeOwn(entry)}
                  <br />
                  <span className="kern-body kern-body--small">{describeChecklist(entry)}</span>
                  {entry.newerMajor ? (
                    <>
                      <br />
                      <span className="kern-badge kern-badge--warning kern-badge--small">
                        <span className="kern-label kern-label--small">Neue Hauptversion {entry.newerMajor.version}</span>
                      </span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </LoadState>
    </>
  );
}

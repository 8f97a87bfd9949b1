import { useState } from 'react';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { PaymentReport } from '../components/PaymentReport.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { formatDate, formatLead, participantName } from '../formatting.ts';

interface CostShare {
  tenant: string;
  population: number;
  referenceDate: string;
  shareCents: number;
}

interface CostRow {
  service: string;
  title: string;
  lead: unknown;
  kind: string;
  amountCents: number | null;
  provisional?: boolean;
  shares?: CostShare[];
  message?: string;
}

interface TerminationRow {
  tenant: string;
  name: string;
  status: 'active' | 'terminating' | 'ended';
  noticeDate: string | null;
  endsOn: string | null;
}

interface ParticipationMatrix {
  participants: { tenant: string; name: string }[];
  services: { service: string; title: string; kommunenCount: number; cells: { tenant: string; offered: boolean; agreedOn: string | null }[] }[];
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const KIND_NAMES: Record<string, string> = {
  split: 'Aufteilung nach Einwohnern (§ 2 Abs. 2)',
  kreisumlage: 'Alle Kommunen: über die Kreisumlage (§ 2 Abs. 1)',
  'kreis-only': 'Keine Kommune: trägt der Kreis',
  'kommunen-lead': 'Federführung der Kommunen: keine Aufteilung',
  'cost-missing': 'Kosten für das Jahr fehlen',
  'population-missing': 'Einwohnerzahlen fehlen',
};
const TERMINATION_NAMES = { active: 'Beteiligt', terminating: 'Gekündigt', ended: 'Ausgeschieden' } as const;

function money(cents: number | null | undefined): string {
  return typeof cents === 'number' ? euro.format(cents / 100) : '–';
}

/** The Kreis' reports: cost allocation per year (with CSV), participation matrix and terminations. */
export function ReportsPage() {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const validYear = /^\d{4}$/.test(year) ? year : String(new Date().getFullYear());
  const costs = useApi<{ year: number; provisional: boolean; services: CostRow[] }>(`/api/v1/staff/reports/costs?year=${validYear}`);
  const participation = useApi<ParticipationMatrix>('/api/v1/staff/reports/participation');
  const terminations = useApi<TerminationRow[] | { items: TerminationRow[] }>('/api/v1/staff/reports/terminations');

  return (
    <>
      <h1 className="kern-heading-large">Kostenberichte</h1>
      <section aria-labelledby="kosten-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="kosten-titel">
          Kostenverteilung
        </h2>
        <div className="inbox-filters">
          <TextField id="bericht-jahr" label="Jahr" type="number" value={year} onChange={setYear} required />
        </div>
        <p className="kern-body">
          <a className="kern-link" href={`/api/v1/staff/reports/costs.csv?year=${validYear}`} download>
            Kostenverteilung {validYear} als CSV
          </a>
        </p>
        <LoadState loaded={costs.result}>
          {(report) => (
            <DataTable caption={`Kosten ${report.year}${report.provisional ? ' (vorläufig: nicht amtliche Einwohnerzahlen)' : ''}`} columns={['Dienst', 'Federführung', { label: 'Kosten', numeric: true }, 'Verteilung']}>
              {report.services.map((row) => (
                <tr className="kern-table__row" key={row.service}>
                  <td className="kern-table__cell">{row.title}</td>
                  <td className="kern-table__cell">{formatLead(row.lead)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{money(row.amountCents)}</td>
                  <td className="kern-table__cell">
                    {KIND_NAMES[row.kind] ?? row.kind}
                    {row.shares && row.shares.length > 0 ? (
                      <ul className="kern-list kern-list--small">
                        {row.shares.map((share) => (
                          <li key={share.tenant}>
                            {participantName(share.tenant)}: {money(share.shareCents)} ({share.population.toLocaleString('de-DE')} Einw. am {formatDate(share.referenceDate)})
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </LoadState>
      </section>
      <section aria-labelledby="zahlungen-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="zahlungen-titel">
          Zahlungen und Transaktionskosten (§ 2 Abs. 1)
        </h2>
        <p className="kern-body">Jeder Beteiligte trägt die Transaktionskosten seiner Online-Zahlungen selbst; sie werden nicht aufgeteilt.</p>
        <PaymentReport year={validYear} />
      </section>
      <section aria-labelledby="teilnahme-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="teilnahme-titel">
          Teilnahme
        </h2>
        <LoadState loaded={participation.result}>
          {(matrix) => (
            <ul className="kern-list">
              {matrix.services.map((row) => (
                <li key={row.service}>
                  <strong>{row.title}</strong>: {row.cells.filter((cell) => cell.offered).map((cell) => participantName(cell.tenant)).join(', ') || 'niemand'}
                </li>
              ))}
            </ul>
          )}
        </LoadState>
      </section>
      <section aria-labelledby="kuendigung-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="kuendigung-titel">
          Kündigungen (§ 3 Abs. 3)
        </h2>
        <LoadState loaded={terminations.result}>
          {(data) => {
            const rows = Array.isArray(data) ? data : data.items;
            const notices = rows.filter((row) => row.status !== 'active');
            return notices.length === 0 ? (
              <p className="kern-body">Keine Kündigungen.</p>
            ) : (
              <ul className="kern-list">
                {notices.map((row) => (
                  <li key={row.tenant}>
                    {row.name}: {TERMINATION_NAMES[row.status]}, Kündigung vom {row.noticeDate ? formatDate(row.noticeDate) : '–'}, Ende {row.endsOn ? formatDate(row.endsOn) : '–'}
                  </li>
                ))}
              </ul>
            );
          }}
        </LoadState>
      </section>
    </>
  );
}

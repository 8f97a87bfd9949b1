import { useMemo, useState, type FormEvent } from 'react';
import { PARTICIPANTS } from '../../../engine/participants.ts';
import { Button } from '../components/Button.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { useSession } from '../session.ts';
import { STATUS_NAMES, type SubmissionStatus } from '../../../contract/submissionStatus.ts';

type Counts = Record<SubmissionStatus, number>;

interface Statistics {
  tenant: string | null;
  from: string;
  to: string;
  statuses: SubmissionStatus[];
  rows: { service: string; month: string; total: number; counts: Counts; shares: Counts }[];
}

interface MonthFigures {
  month: string;
  total: number;
  counts: Counts;
}

/** KERN-like fills for the statuses, each with enough contrast against white. */
const FILLS: Record<SubmissionStatus, string> = { eingegangen: '#1d4ed8', in_bearbeitung: '#a16207', abgeschlossen: '#15803d', abgelehnt: '#b91c1c' };
const MONTH_NAMES = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'];

function monthLabel(month: string): string {
  const [year, mon] = month.split('-');
  return `${MONTH_NAMES[Number(mon) - 1]} ${year}`;
}

function percent(part: number, total: number): string {
  return total === 0 ? '0 %' : `${(Math.round((part / total) * 1000) / 10).toLocaleString('de-DE')} %`;
}

/** Months from..to (YYYY-MM), so that months without submissions show as zero. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 121; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= to) break;
    month += 1;
    if (month > 12) (month = 1), (year += 1);
  }
  return months;
}

/** A stacked bar chart of submissions per month by status; the table beside it holds the same figures. */
function StatisticsChart({ figures, statuses, titleId, descId }: { figures: MonthFigures[]; statuses: SubmissionStatus[]; titleId: string; descId: string }) {
  const width = 720;
  const height = 260;
  const left = 40;
  const bottom = 40;
  const max = Math.max(1, ...figures.map((figure) => figure.total));
  const band = (width - left) / Math.max(1, figures.length);
  const scale = (value: number) => (value / max) * (height - bottom - 10);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="staff-chart" focusable="false">
      <title id={titleId}>Anträge je Monat nach Status</title>
      <desc id={descId}>
        {figures.map((figure) => `${monthLabel(figure.month)}: ${figure.total} Anträge`).join('; ')}. Die Tabelle unter dem Diagramm enthält dieselben Zahlen.
      </desc>
      <line x1={left} y1={height - bottom} x2={width} y2={height - bottom} stroke="#131525" />
      <text x={left - 6} y={height - bottom} textAnchor="end" fontSize="12" fill="#131525">
        0
      </text>
      <text x={left - 6} y={14} textAnchor="end" fontSize="12" fill="#131525">
        {max}
      </text>
      {figures.map((figure, index) => {
        let y = height - bottom;
        const x = left + index * band + band * 0.15;
        return (
          <g key={figure.month}>
            {statuses.map((status) => {
              const h = scale(figure.counts[status]);
              y -= h;
              return h > 0 ? <rect key={status} x={x} y={y} width={band * 0.7} height={h} fill={FILLS[status]} /> : null;
            })}
            <text x={x + band * 0.35} y={height - bottom + 16} textAnchor="middle" fontSize="11" fill="#131525">
              {monthLabel(figure.month)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Statistics for admins: submissions per service and month with status shares, as an SVG chart and the same
 * figures as a table, with a CSV download. The Kreis' admins see the whole Kreis or one participant.
 */
export function StatisticsPage() {
  const { user } = useSession();
  const isKreis = user.tenant === 'kreis-heinsberg';
  const [draft, setDraft] = useState({ from: '', to: '', tenant: '' });
  const [applied, setApplied] = useState(draft);
  const [service, setService] = useState('');
  const query = new URLSearchParams(Object.entries(applied).filter(([, value]) => value !== ''));
  const { result } = useApi<Statistics>(`/api/v1/staff/statistics?${query.toString()}`);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };

  return (
    <>
      <h1 className="kern-heading-large">Statistik</h1>
      <p className="kern-body">Anträge je Dienst und Monat mit den Anteilen der Status{isKreis ? ' – für den ganzen Kreis oder eine Kommune' : ''}. Gezählt werden gespeicherte Anträge (nach Ablauf der Aufbewahrungsfrist gelöschte fehlen).</p>
      <form onSubmit={apply} noValidate className="kern-stack staff-section" aria-label="Zeitraum wählen">
        <TextField id="statistik-von" label="Von (Monat, JJJJ-MM)" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} hint="Leer: die letzten zwölf Monate" />
        <TextField id="statistik-bis" label="Bis (Monat, JJJJ-MM)" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        {isKreis ? (
          <SelectField
            id="statistik-teilnehmer"
            label="Teilnehmer"
            value={draft.tenant}
            options={[{ value: '', label: 'Ganzer Kreis' }, ...PARTICIPANTS.map((participant) => ({ value: participant.slug, label: participant.name }))]}
            onChange={(tenant) => setDraft({ ...draft, tenant })}
          />
        ) : null}
        <Button type="submit">Anzeigen</Button>
      </form>
      <LoadState loaded={result}>{(data) => <StatisticsView data={data} service={service} onService={setService} query={query.toString()} />}</LoadState>
    </>
  );
}

function StatisticsView({ data, service, onService, query }: { data: Statistics; service: string; onService: (service: string) => void; query: string }) {
  const services = useMemo(() => [...new Set(data.rows.map((row) => row.service))].sort(), [data]);
  const figures = useMemo(() => {
    const byMonth = new Map<string, MonthFigures>(
      monthsBetween(data.from, data.to).map((month) => [month, { month, total: 0, counts: { eingegangen: 0, in_bearbeitung: 0, abgeschlossen: 0, abgelehnt: 0 } }]),
    );
    for (const row of data.rows) {
      if (service && row.service !== service) continue;
      const figure = byMonth.get(row.month);
      if (!figure) continue;
      figure.total += row.total;
      for (const status of data.statuses) figure.counts[status] += row.counts[status];
    }
    return [...byMonth.values()];
  }, [data, service]);
  return (
    <section className="staff-section" aria-labelledby="statistik-ergebnis">
      <h2 className="kern-heading-medium" id="statistik-ergebnis">
        {monthLabel(data.from)} bis {monthLabel(data.to)}
      </h2>
      <SelectField id="statistik-dienst" label="Dienst" value={service} options={[{ value: '', label: 'Alle Dienste' }, ...services.map((id) => ({ value: id, label: id }))]} onChange={onService} />
      <StatisticsChart figures={figures} statuses={data.statuses} titleId="statistik-diagramm-titel" descId="statistik-diagramm-beschreibung" />
      <ul className="staff-legend" aria-label="Legende">
        {data.statuses.map((status) => (
          <li key={status}>
            <span className={`staff-legend__swatch staff-legend__swatch--${status}`} aria-hidden="true" /> {STATUS_NAMES[status]}
          </li>
        ))}
      </ul>
      <DataTable
        caption={`Anträge je Monat${service ? ` (${service})` : ' (alle Dienste)'}`}
        columns={['Monat', { label: 'Gesamt', numeric: true }, ...data.statuses.map((status) => ({ label: STATUS_NAMES[status], numeric: true as const }))]}
      >
        {figures.map((figure) => (
          <tr className="kern-table__row" key={figure.month}>
            <th scope="row" className="kern-table__header">
              {monthLabel(figure.month)}
            </th>
            <td className="kern-table__cell kern-table__cell--numeric">{figure.total}</td>
            {data.statuses.map((status) => (
              <td className="kern-table__cell kern-table__cell--numeric" key={status}>
                {figure.counts[status]} ({percent(figure.counts[status], figure.total)})
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
      <p className="kern-body">
        <a className="kern-link" href={`/api/v1/staff/statistics.csv?${query}`} download>
          Statistik als CSV herunterladen (je Dienst und Monat)
        </a>
      </p>
    </section>
  );
}

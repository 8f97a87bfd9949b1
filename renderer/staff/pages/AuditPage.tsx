import { useState, type FormEvent } from 'react';
import { ACTION_LABELS } from '../accounts/accountTexts.ts';
import { Button } from '../components/Button.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { formatDateTime } from '../formatting.ts';

interface AuditPageData {
  entries: { seq: number; at: string; actor: string; actorEmail: string | null; action: string; subject: string | null; details: Record<string, string | number | boolean> }[];
  total: number;
  page: number;
  pageSize: number;
  actions: string[];
  users: { id: string; email: string }[];
}

interface Filter {
  user: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filter = { user: '', action: '', from: '', to: '' };

function actorName(entry: AuditPageData['entries'][number]): string {
  if (entry.actorEmail) return entry.actorEmail;
  if (entry.actor === 'system') return 'System';
  if (entry.actor === 'catalogue') return 'Katalog';
  if (entry.actor === 'citizen') return 'Bürgerin oder Bürger';
  return 'anderes Konto';
}

/** The admins' audit view of their own participant: who did what and when; ids and codes only, no citizens' data. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== '')), page: String(page) });
  const { result } = useApi<AuditPageData>(`/api/v1/staff/audit?${query.toString()}`);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
    setPage(1);
  };

  return (
    <>
      <h1 className="kern-heading-large">Protokoll</h1>
      <p className="kern-body">Alle protokollierten Aktionen Ihres Serviceportals, neueste zuerst. Das Protokoll enthält keine Angaben aus Anträgen.</p>
      <LoadState loaded={result}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <form onSubmit={apply} noValidate className="kern-stack staff-section" aria-label="Protokoll filtern">
                <SelectField
                  id="protokoll-benutzer"
                  label="Benutzer"
                  value={draft.user}
                  options={[{ value: '', label: 'Alle Benutzer' }, ...data.users.map((user) => ({ value: user.id, label: user.email }))]}
                  onChange={(user) => setDraft({ ...draft, user })}
                />
                <SelectField
                  id="protokoll-aktion"
                  label="Aktion"
                  value={draft.action}
                  options={[{ value: '', label: 'Alle Aktionen' }, ...data.actions.map((action) => ({ value: action, label: ACTION_LABELS[action] ?? action }))]}
                  onChange={(action) => setDraft({ ...draft, action })}
                />
                <TextField id="protokoll-von" label="Von (Datum)" type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
                <TextField id="protokoll-bis" label="Bis (Datum)" type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
                <Button type="submit">Filtern</Button>
              </form>
              <DataTable caption={`${data.total} Einträge · Seite ${data.page} von ${pages}`} columns={['Zeitpunkt', 'Benutzer', 'Aktion', 'Betrifft', 'Einzelheiten']}>
                {data.entries.map((entry) => (
                  <tr className="kern-table__row" key={entry.seq}>
                    <td className="kern-table__cell">{formatDateTime(entry.at)}</td>
                    <td className="kern-table__cell">{actorName(entry)}</td>
                    <td className="kern-table__cell">
                      {ACTION_LABELS[entry.action] ?? entry.action} <code>{entry.action}</code>
                    </td>
                    <td className="kern-table__cell">{entry.subject ? <code>{entry.subject}</code> : '–'}</td>
                    <td className="kern-table__cell">
                      {Object.entries(entry.details)
                        .map(([key, value]) => `${key}: ${String(value)}`)
                        .join(', ') || '–'}
                    </td>
                  </tr>
                ))}
              </DataTable>
              <nav aria-label="Seiten des Protokolls" className="staff-actions">
                <Button variant="secondary" disabled={data.page <= 1} onClick={() => setPage(data.page - 1)}>
                  Vorherige Seite
                </Button>
                <Button variant="secondary" disabled={data.page >= pages} onClick={() => setPage(data.page + 1)}>
                  Nächste Seite
                </Button>
              </nav>
            </>
          );
        }}
      </LoadState>
    </>
  );
}

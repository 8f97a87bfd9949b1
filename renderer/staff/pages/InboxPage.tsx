import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import type { InboxNoticeState } from '../components/EraseSubmission.tsx';
import { Link } from '../components/Link.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { formatDateTime } from '../formatting.ts';
import { STAFF_BASE } from '../navigation.ts';
import type { CatalogueEntry } from '../staffTypes.ts';
import { formatEuro } from '../../../engine/payments/formatEuro.ts';
import type { SubmissionPayment } from '../../../contract/staffApi.ts';
import { STATUS_NAMES, type SubmissionStatus, type SubmissionSummary } from '../../../contract/submissionStatus.ts';

interface Filters {
  service: string;
  status: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { service: '', status: '', from: '', to: '' };

function toQuery(filters: Partial<Filters>, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) query.set(key, value);
  return query.toString();
}

/** The participant's submissions, filtered by service, status and date, with export links per version. */
export function InboxPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [notice] = useState(() => (window.history.state as Partial<InboxNoticeState> | null)?.notice);
  // Shown once: a reload or going back here later does not repeat it.
  useEffect(() => {
    if (notice) window.history.replaceState(null, '', window.location.href);
  }, [notice]);
  const catalogue = useApi<{ items: CatalogueEntry[] }>('/api/v1/staff/catalogue');
  const { result } = useApi<{ items: (SubmissionSummary & { payment?: SubmissionPayment })[]; total: number }>(`/api/v1/staff/submissions?${toQuery(filters, { pageSize: '200' })}`);
  const services = catalogue.result.state === 'ready' ? catalogue.result.data.items : [];
  const titleOf = (id: string) => services.find((service) => service.id === id)?.title ?? id;
  const selectedService = services.find((service) => service.id === filters.service);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  return (
    <>
      <h1 className="kern-heading-large">Posteingang</h1>
      {notice ? (
        <Alert kind="success">
          <p className="kern-body">{notice}</p>
        </Alert>
      ) : null}
      <form onSubmit={apply} className="inbox-filters" aria-label="Anträge filtern" noValidate>
        <SelectField id="filter-dienst" label="Dienst" value={draft.service} onChange={(service) => setDraft({ ...draft, service })} options={[{ value: '', label: 'Alle Dienste' }, ...services.map((service) => ({ value: service.id, label: service.title }))]} />
        <SelectField
          id="filter-status"
          label="Status"
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
          options={[{ value: '', label: 'Alle' }, ...Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))]}
        />
        <TextField id="filter-von" label="Eingegangen ab" type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        <TextField id="filter-bis" label="Eingegangen bis" type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        <Button type="submit">Filtern</Button>
      </form>
      {selectedService ? (
        <section aria-labelledby="export-titel" className="staff-section">
          <h2 className="kern-heading-small" id="export-titel">
            Export „{selectedService.title}“
          </h2>
          <ul className="kern-list">
            {selectedService.versions.map((version) => {
              const base = `/api/v1/staff/exports/${encodeURIComponent(selectedService.id)}/${encodeURIComponent(version.version)}`;
              const { status, from, to } = filters;
              return (
                <li key={version.version}>
                  Version {version.version}:{' '}
                  <a className="kern-link" href={`${base}?${toQuery({ status, from, to }, { format: 'csv' })}`} download>
                    CSV
                  </a>{' '}
                  ·{' '}
                  <a className="kern-link" href={`${base}?${toQuery({ status, from, to }, { format: 'json' })}`} download>
                    JSON
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <LoadState loaded={result}>
        {(data) => (
          <DataTable caption={data.total === 1 ? '1 Antrag' : `${data.total} Anträge`} columns={['Aktenzeichen', 'Dienst', 'Version', 'Eingegangen', 'Status', 'Zahlung']}>
            {data.items.map((submission) => (
              <tr className="kern-table__row" key={submission.id}>
                <td className="kern-table__cell">
                  <Link to={`${STAFF_BASE}/eingang/${encodeURIComponent(submission.id)}`}>{submission.reference}</Link>
                </td>
                <td className="kern-table__cell">{titleOf(submission.service)}</td>
                <td className="kern-table__cell">{submission.version}</td>
                <td className="kern-table__cell">{formatDateTime(submission.receivedAt)}</td>
                <td className="kern-table__cell">{STATUS_NAMES[submission.status as SubmissionStatus] ?? submission.status}</td>
                <td className="kern-table__cell">{describePayment(submission.payment)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </LoadState>
    </>
  );
}

/** Payment state, amount and the provider's reference of a submission, e.g. 'bezahlt · 30,50 € · SI-1A2B3C'. */
function describePayment(payment: SubmissionPayment | undefined): string {
  if (!payment) return '–';
  return [payment.state, formatEuro(payment.amountCents), payment.providerReference ?? payment.provider].join(' · ');
}

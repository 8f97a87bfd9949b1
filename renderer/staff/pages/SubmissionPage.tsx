import { useState } from 'react';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { collectAnswers } from '../../../engine/review/collectAnswers.ts';
import { ReviewList } from '../../shared/review/ReviewList.tsx';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { EraseSubmission } from '../components/EraseSubmission.tsx';
import { SubmissionDeliveries } from '../components/SubmissionDeliveries.tsx';
import { SubmissionPaymentSection } from '../components/SubmissionPaymentSection.tsx';
import { Link } from '../components/Link.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { useApi } from '../components/useApi.ts';
import { formatDateTime } from '../formatting.ts';
import { formatFileSize } from '../../../engine/formatFileSize.ts';
import { STAFF_BASE } from '../navigation.ts';
import { NEXT_STATUSES, STATUS_NAMES, type SubmissionStatus, type SubmissionSummary } from '../../../contract/submissionStatus.ts';

interface Attachment {
  id: string;
  field: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  scan: 'clean' | 'unchecked';
}

const SCAN_NAMES: Record<Attachment['scan'], string> = { clean: 'geprüft, unauffällig', unchecked: 'nicht geprüft' };

interface SubmissionContext {
  definition: { title: string; version: string; schema: RJSFSchema; uiSchema: UiSchema };
  history: { at: string; actor: string; action: string; details: Record<string, unknown> }[];
}

function describeEvent(event: SubmissionContext['history'][number]): string {
  if (event.action === 'submission.status_changed') {
    const from = STATUS_NAMES[event.details.from as SubmissionStatus] ?? String(event.details.from);
    const to = STATUS_NAMES[event.details.to as SubmissionStatus] ?? String(event.details.to);
    return `Status von „${from}“ auf „${to}“ geändert`;
  }
  if (event.action === 'submission.received' || event.action === 'submission.created') return 'Eingegangen';
  if (event.action.startsWith('submission.export')) return 'Exportiert';
  if (event.action === 'attachment.downloaded') return 'Anlage heruntergeladen';
  if (event.action === 'submission.pdf_downloaded') return 'Antrags-PDF heruntergeladen';
  return event.action;
}

/** One submission, read-only under the definition version it was submitted with, its status and audit trail. */
export function SubmissionPage({ submissionId }: { submissionId: string }) {
  const path = `/api/v1/staff/submissions/${encodeURIComponent(submissionId)}`;
  const submission = useApi<SubmissionSummary & { data: Record<string, unknown> }>(path);
  const context = useApi<SubmissionContext>(`${path}/context`);
  const attachments = useApi<{ items: Attachment[] }>(`${path}/attachments`);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  const changeStatus = async (status: SubmissionStatus) => {
    setMessage(null);
    try {
      await staffApi.post(`${path}/status`, { status });
      setMessage({ kind: 'success', text: `Status auf „${STATUS_NAMES[status]}“ geändert.` });
      submission.reload();
      context.reload();
    } catch (error) {
      setMessage({ kind: 'danger', text: error instanceof ApiError && error.status === 409 ? 'Der Status wurde inzwischen geändert; bitte neu laden.' : 'Der Status konnte nicht geändert werden.' });
    }
  };

  return (
    <LoadState loaded={submission.result} notFound="Diesen Antrag gibt es nicht oder er gehört nicht zu Ihrem Portal.">
      {(entry) => (
        <>
          <h1 className="kern-heading-large">Antrag {entry.reference}</h1>
          <p className="kern-body">
            <Link to={`${STAFF_BASE}/eingang`}>Zurück zum Posteingang</Link>
          </p>
          <dl className="kern-description-list">
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Dienst</dt>
              <dd className="kern-description-list-item__value">{context.result.state === 'ready' ? context.result.data.definition.title : entry.service}</dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Formularversion</dt>
              <dd className="kern-description-list-item__value" id="antrag-version">
                {entry.version}
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Eingegangen</dt>
              <dd className="kern-description-list-item__value">{formatDateTime(entry.receivedAt)}</dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">Status</dt>
              <dd className="kern-description-list-item__value">{STATUS_NAMES[entry.status] ?? entry.status}</dd>
            </div>
          </dl>
          {message ? <Alert kind={message.kind}><p className="kern-body">{message.text}</p></Alert> : null}
          {NEXT_STATUSES[entry.status]?.length ? (
            <div className="editor-buttons" role="group" aria-label="Status ändern">
              {NEXT_STATUSES[entry.status].map((status) => (
                <Button key={status} variant="secondary" onClick={() => void changeStatus(status)}>
                  {`Status: ${STATUS_NAMES[status]}`}
                </Button>
              ))}
            </div>
          ) : null}
          <section aria-labelledby="angaben-titel" className="staff-section">
            <h2 className="kern-heading-medium" id="angaben-titel">
              Angaben
            </h2>
            <LoadState loaded={context.result}>
              {(data) => <ReviewList answers={collectAnswers(data.definition.schema, data.definition.uiSchema, entry.data ?? {})} />}
            </LoadState>
          </section>
          <section aria-labelledby="anlagen-titel" className="staff-section">
            <h2 className="kern-heading-medium" id="anlagen-titel">
              Anlagen und Antrags-PDF
            </h2>
            <p className="kern-body">
              <a className="kern-link" href={`${path}/pdf`} download={`Antrag-${entry.reference}.pdf`}>
                Antrag als PDF herunterladen
              </a>
            </p>
            <LoadState loaded={attachments.result}>
              {(data) =>
                data.items.length === 0 ? (
                  <p className="kern-body">Keine Anlagen.</p>
                ) : (
                  <DataTable caption="Anlagen des Antrags" columns={['Datei', 'Art', 'Größe', 'SHA-256', 'Virenprüfung']}>
                    {data.items.map((attachment) => (
                      <tr key={attachment.id} className="kern-table__row">
                        <td className="kern-table__cell">
                          <a className="kern-link" href={`${path}/attachments/${attachment.id}`} download={attachment.name}>
                            {attachment.name}
                          </a>
                        </td>
                        <td className="kern-table__cell">{attachment.type}</td>
                        <td className="kern-table__cell">{formatFileSize(attachment.size)}</td>
                        <td className="kern-table__cell">
                          <code className="staff-hash">{attachment.sha256}</code>
                        </td>
                        <td className="kern-table__cell">{SCAN_NAMES[attachment.scan]}</td>
                      </tr>
                    ))}
                  </DataTable>
                )
              }
            </LoadState>
          </section>
          <section aria-labelledby="verlauf-titel" className="staff-section">
            <h2 className="kern-heading-medium" id="verlauf-titel">
              Verlauf
            </h2>
            <LoadState loaded={context.result}>
              {(data) =>
                data.history.length === 0 ? (
                  <p className="kern-body">Noch keine Bearbeitung.</p>
                ) : (
                  <ol className="kern-list">
                    {data.history.map((event, index) => (
                      <li key={index}>
                        {formatDateTime(event.at)}: {describeEvent(event)} ({event.actor})
                      </li>
                    ))}
                  </ol>
                )
              }
            </LoadState>
          </section>
          <SubmissionDeliveries submissionId={entry.id} />
          <SubmissionPaymentSection submissionId={entry.id} />
          <EraseSubmission submissionId={entry.id} reference={entry.reference} />
        </>
      )}
    </LoadState>
  );
}

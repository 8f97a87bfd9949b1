import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { formatDateTime } from '../../../engine/formatDateTime.ts';
import { Alert } from '../components/Alert.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { downloadBlob } from '../downloadSummary.ts';
import { ApiError, describeApiError, portalApi, type PublicStatus } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';

interface FieldProblem {
  reference?: string;
  code?: string;
}

/**
 * "Antragsstatus": the citizen enters the reference and the status code from the confirmation and sees the current
 * status with its history (dates and German status names, no personal data). Both travel only in request bodies.
 */
export function StatusPage() {
  const { participant } = usePortal();
  const [reference, setReference] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FieldProblem>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [status, setStatus] = useState<PublicStatus | undefined>();
  const [busy, setBusy] = useState(false);

  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  // Focus moves once the result, the problem or the error summary is rendered (not before: it may not exist yet).
  const [focusRequest, setFocusRequest] = useState<{ id: string } | undefined>();
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: FieldProblem = {};
    if (!reference.trim()) next.reference = 'Bitte geben Sie das Aktenzeichen ein, z. B. ERK-2026-000042.';
    if (!code.trim()) next.code = 'Bitte geben Sie den Statuscode ein.';
    setProblems(next);
    setFailure(undefined);
    setStatus(undefined);
    if (next.reference || next.code) {
      setFocusRequest({ id: 'kf-status-fehler' });
      return;
    }
    setBusy(true);
    try {
      setStatus(await portalApi.lookupStatus(participant.slug, reference.trim(), code.trim()));
      setFocusRequest({ id: 'kf-status-ergebnis' });
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 404
          ? 'Zu diesem Aktenzeichen und Statuscode gibt es keinen Antrag. Bitte prüfen Sie beide Angaben.'
          : describeApiError(error),
      );
      setFocusRequest({ id: 'kf-status-problem' });
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    try {
      downloadBlob(`Antrag-${status!.reference}.pdf`, await portalApi.downloadPdf(participant.slug, reference.trim(), code.trim()));
    } catch (error) {
      setFailure(describeApiError(error));
      setFocusRequest({ id: 'kf-status-problem' });
    }
  };

  const summary = [problems.reference ? { id: 'kf-referenz', text: problems.reference } : undefined, problems.code ? { id: 'kf-statuscode', text: problems.code } : undefined].filter(
    (entry): entry is { id: string; text: string } => entry !== undefined,
  );

  return (
    <>
      <PageHeading title="Antragsstatus">Status Ihres Antrags</PageHeading>
      <p className="kern-body">
        Geben Sie das Aktenzeichen und den Statuscode ein, die Sie nach dem Absenden Ihres Antrags erhalten haben.
      </p>
      {summary.length > 0 ? (
        <div className="kern-alert kern-alert--danger" id="kf-status-fehler" tabIndex={-1} role="alert" aria-labelledby="kf-status-fehler-titel">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <h2 className="kern-title" id="kf-status-fehler-titel">
              Bitte prüfen Sie Ihre Eingaben
            </h2>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">
              {summary.map((entry) => (
                <li key={entry.id}>
                  <a className="kern-link" href={`#${entry.id}`} onClick={(event) => (event.preventDefault(), focus(entry.id))}>
                    {entry.text}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {failure ? (
        <Alert kind="danger" title="Kein Antrag gefunden" id="kf-status-problem" focusable>
          <p className="kern-body">{failure}</p>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="kf-stack">
        {(
          [
            ['kf-referenz', 'Aktenzeichen', reference, setReference, problems.reference],
            ['kf-statuscode', 'Statuscode', code, setCode, problems.code],
          ] as const
        ).map(([id, label, value, setValue, problem]) => (
          <div key={id} className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor={id}>
              {label}
              <span className="kf-required"> (Pflichtfeld)</span>
            </label>
            <input
              id={id}
              className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
              autoComplete="off"
              spellCheck={false}
              aria-required
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-fehler` : undefined}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
            {problem ? (
              <p className="kern-error" id={`${id}-fehler`}>
                <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
                <span className="kern-body">{problem}</span>
              </p>
            ) : null}
          </div>
        ))}
        <div className="kf-button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">Status anzeigen</span>
          </button>
        </div>
      </form>
      {status ? (
        <section className="kf-section" aria-labelledby="kf-status-ergebnis" id="kf-status-bereich">
          <h2 className="kern-heading-medium" id="kf-status-ergebnis" tabIndex={-1}>
            Aktueller Status: {status.statusName}
          </h2>
          <p className="kern-body">
            {status.serviceTitle}, Aktenzeichen {status.reference}, eingegangen am {formatDateTime(status.receivedAt)}.
          </p>
          <h3 className="kern-heading-small">Verlauf</h3>
          <ol className="kern-list" id="kf-status-verlauf">
            {status.history.map((entry, index) => (
              <li key={index}>
                {formatDateTime(entry.at)}: {entry.statusName}
              </li>
            ))}
          </ol>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void download()}>
            <span className="kern-label">Antrag als PDF herunterladen</span>
          </button>
        </section>
      ) : null}
    </>
  );
}

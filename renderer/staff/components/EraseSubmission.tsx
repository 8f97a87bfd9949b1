import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { navigate, STAFF_BASE } from '../navigation.ts';
import { Alert } from './Alert.tsx';
import { TextField } from './TextField.tsx';

const DEFAULT_REASON = 'Antrag auf Löschung nach Art. 17 DSGVO';
const MAX_REASON_LENGTH = 500;

/** State the inbox reads after an erasure to show its success notice (history state: never in the URL). */
export interface InboxNoticeState {
  notice: string;
}

/**
 * "Antrag löschen" with an inline confirmation step (GDPR Art. 17): the confirmation region takes the focus when it
 * opens and gives it back to the button on cancel; after the erasure the inbox opens with a success notice.
 */
export function EraseSubmission({ submissionId, reference }: { submissionId: string; reference: string }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState(DEFAULT_REASON);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) heading.current?.focus();
    else if (wasConfirming.current) openButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const reasonError = reason.length > MAX_REASON_LENGTH ? `Bitte höchstens ${MAX_REASON_LENGTH} Zeichen eingeben.` : undefined;

  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (reasonError) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = reason.trim();
      await staffApi.delete(`/api/v1/staff/submissions/${encodeURIComponent(submissionId)}`, trimmed ? { reason: trimmed } : undefined);
      navigate(`${STAFF_BASE}/eingang`, { notice: `Der Antrag ${reference} wurde gelöscht.` } satisfies InboxNoticeState);
    } catch (caught) {
      setBusy(false);
      setError(
        caught instanceof ApiError && caught.status === 404
          ? 'Diesen Antrag gibt es nicht mehr; er wurde bereits gelöscht.'
          : 'Der Antrag konnte nicht gelöscht werden. Bitte versuchen Sie es erneut.',
      );
    }
  };

  if (!confirming) {
    return (
      <section aria-labelledby="loeschen-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="loeschen-titel">
          Löschen
        </h2>
        <p className="kern-body">Auf Antrag der betroffenen Person (Art. 17 DSGVO) können Sie diesen Antrag mit allen Angaben endgültig löschen.</p>
        <button ref={openButton} type="button" className="kern-btn kern-btn--secondary" onClick={() => setConfirming(true)}>
          <span className="kern-label">Antrag löschen</span>
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="loeschen-bestaetigen-titel" className="staff-section">
      <h2 className="kern-heading-medium" id="loeschen-bestaetigen-titel" ref={heading} tabIndex={-1}>
        Antrag {reference} endgültig löschen?
      </h2>
      <Alert kind="warning">
        <p className="kern-body">
          Der Antrag und alle Angaben werden sofort und endgültig gelöscht. Das kann nicht rückgängig gemacht werden. Im Protokoll bleibt nur ein Löschvermerk mit Aktenzeichen, Dienst, Zeitpunkt,
          Ihrem Konto und dem Grund.
        </p>
      </Alert>
      {error ? (
        <Alert kind="danger">
          <p className="kern-body">{error}</p>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void erase(event)} noValidate>
        <TextField
          id="loeschen-grund"
          label="Grund"
          hint="Ohne personenbezogene Daten, z. B. „Antrag auf Löschung nach Art. 17 DSGVO“. Höchstens 500 Zeichen."
          value={reason}
          onChange={setReason}
          error={reasonError}
        />
        <div className="editor-buttons">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{busy ? 'Wird gelöscht …' : 'Endgültig löschen'}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => (setConfirming(false), setError(null))}>
            <span className="kern-label">Abbrechen</span>
          </button>
        </div>
      </form>
    </section>
  );
}

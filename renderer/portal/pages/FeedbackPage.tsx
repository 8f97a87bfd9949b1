import { useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorSummary, ERROR_SUMMARY_ID, type ErrorSummaryEntry } from '../../shared/kern/ErrorSummary.tsx';
import { FieldError } from '../../shared/kern/FieldError.tsx';
import { Alert } from '../components/Alert.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { describeApiError, portalApi } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Barriere melden": a short form without account; the report is stored for the participant's staff. */
export function FeedbackPage() {
  const { participant } = usePortal();
  const [page, setPage] = useState('');
  const [message, setMessage] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryEntry[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const [sent, setSent] = useState(false);

  const errorFor = (fieldId: string) => errors.find((entry) => entry.fieldId === fieldId)?.message;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: ErrorSummaryEntry[] = [];
    if (message.trim().length < 10)
      found.push({ fieldId: 'kf-meldung', label: 'Beschreibung der Barriere', message: 'Bitte beschreiben Sie die Barriere mit mindestens 10 Zeichen.' });
    if (email.trim() && !EMAIL.test(email.trim()))
      found.push({ fieldId: 'kf-email', label: 'E-Mail-Adresse', message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.' });
    setErrors(found);
    if (found.length > 0) {
      requestAnimationFrame(() => document.getElementById(ERROR_SUMMARY_ID)?.focus());
      return;
    }
    try {
      await portalApi.sendFeedback(participant.slug, {
        page: page.trim(),
        message: message.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
      });
      setSent(true);
      requestAnimationFrame(() => document.getElementById('kf-gesendet')?.focus());
    } catch (error) {
      setProblem(describeApiError(error));
    }
  };

  if (sent) {
    return (
      <>
        <PageHeading title="Barriere gemeldet">Barriere melden</PageHeading>
        <Alert kind="success" title="Vielen Dank für Ihre Meldung" id="kf-gesendet" focusable>
          <p className="kern-body">Die {participant.name} prüft Ihre Meldung und antwortet, wenn Sie eine E-Mail-Adresse angegeben haben.</p>
        </Alert>
      </>
    );
  }

  const messageError = errorFor('kf-meldung');
  const emailError = errorFor('kf-email');
  return (
    <>
      <PageHeading title="Barriere melden">Barriere melden</PageHeading>
      <p className="kern-body">
        Ist Ihnen im {participant.portalName} eine Barriere aufgefallen? Beschreiben Sie sie bitte kurz. Ein Benutzerkonto ist nicht nötig.
      </p>
      <ErrorSummary entries={errors} />
      {problem ? (
        <Alert kind="danger" title="Die Meldung konnte nicht gesendet werden">
          <p className="kern-body">{problem}</p>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="kf-stack">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="kf-seite">
            Seite oder Formular, auf der die Barriere auftritt
          </label>
          <input id="kf-seite" className="kern-form-input__input" value={page} onChange={(event) => setPage(event.target.value)} />
        </div>
        <div className={`kern-form-input${messageError ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="kf-meldung">
            Beschreibung der Barriere<span className="kf-required"> (Pflichtfeld)</span>
          </label>
          <textarea
            id="kf-meldung"
            className={`kern-form-input__input${messageError ? ' kern-form-input__input--error' : ''}`}
            rows={6}
            maxLength={5000}
            aria-required
            aria-invalid={messageError ? true : undefined}
            aria-describedby={messageError ? 'kf-meldung__error' : undefined}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          {messageError ? <FieldError id="kf-meldung__error" messages={[messageError]} /> : null}
        </div>
        <div className={`kern-form-input${emailError ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="kf-email">
            E-Mail-Adresse für eine Antwort
          </label>
          <div className="kern-hint" id="kf-email-hinweis">
            Freiwillig. Ohne E-Mail-Adresse können wir Ihnen nicht antworten.
          </div>
          <input
            id="kf-email"
            type="email"
            autoComplete="email"
            className={`kern-form-input__input${emailError ? ' kern-form-input__input--error' : ''}`}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'kf-email-hinweis kf-email__error' : 'kf-email-hinweis'}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {emailError ? <FieldError id="kf-email__error" messages={[emailError]} /> : null}
        </div>
        <div className="kf-button-row">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">Meldung senden</span>
          </button>
        </div>
      </form>
    </>
  );
}

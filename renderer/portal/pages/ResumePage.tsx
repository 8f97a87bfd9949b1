import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert } from '../components/Alert.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ApiError, describeApiError, portalApi } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';
import { setResumedForm } from '../resumeStore.ts';
import { navigate, portalPaths } from '../routing.ts';

/**
 * "Antrag fortsetzen": the resume code comes in the URL fragment (never sent to the server in a URL, so never in
 * its logs) or typed in; the draft is loaded with a POST and the form of its service opens with the answers.
 */
export function ResumePage() {
  const { participant } = usePortal();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  const resume = async (value: string) => {
    const trimmed = value.trim();
    if (!trimmed) {
      setError('Bitte geben Sie Ihren Fortsetzungscode ein.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const draft = await portalApi.resumeDraft(participant.slug, trimmed);
      setResumedForm({ tenant: participant.slug, ...draft });
      // The fragment holds the code: replace this history entry so it does not linger in the history.
      window.history.replaceState(null, '', portalPaths.resume(participant.slug));
      navigate(portalPaths.form(participant.slug, draft.service));
    } catch (caught) {
      setError(
        caught instanceof ApiError && (caught.status === 404 || caught.status === 400 || caught.status === 422)
          ? 'Zu diesem Code gibt es keinen gespeicherten Antrag. Bitte prüfen Sie den Code; ein Zwischenstand wird nach 30 Tagen gelöscht.'
          : describeApiError(caught),
      );
      requestAnimationFrame(() => document.getElementById('kf-code')?.focus());
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const fromFragment = decodeURIComponent(window.location.hash.slice(1));
    if (fromFragment) {
      setCode(fromFragment);
      void resume(fromFragment);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once for the fragment of the first load
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void resume(code);
  };

  return (
    <>
      <PageHeading title="Antrag fortsetzen">Antrag fortsetzen</PageHeading>
      <p className="kern-body">
        Geben Sie den Fortsetzungscode ein, den Sie beim Zwischenspeichern erhalten haben. Sie gelangen dann zu Ihrem Antrag
        mit allen bisherigen Angaben.
      </p>
      {busy ? (
        <p className="kern-body" role="status">
          Zwischenstand wird geladen …
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="kf-stack">
        <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="kf-code">
            Fortsetzungscode<span className="kf-required"> (Pflichtfeld)</span>
          </label>
          <input
            id="kf-code"
            className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
            autoComplete="off"
            spellCheck={false}
            aria-required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'kf-code-fehler' : undefined}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          {error ? (
            <p className="kern-error" id="kf-code-fehler">
              <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
              <span className="kern-body">{error}</span>
            </p>
          ) : null}
        </div>
        <div className="kf-button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">Antrag fortsetzen</span>
          </button>
        </div>
      </form>
      {error ? null : (
        <Alert kind="info" title="Hinweis zum Datenschutz" headingLevel={2}>
          <p className="kern-body">Der Code wird nie als Teil einer Adresse an den Server übertragen, sondern nur im Inhalt einer verschlüsselten Anfrage. So erscheint er in keinem Protokoll.</p>
        </Alert>
      )}
    </>
  );
}

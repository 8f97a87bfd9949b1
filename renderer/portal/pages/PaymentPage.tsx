import { useState } from 'react';
import { formatEuro } from '../../../engine/payments/formatEuro.ts';
import { formatDateTime } from '../../../engine/formatDateTime.ts';
import { Alert } from '../components/Alert.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { describeApiError, portalApi } from '../portalApi.ts';
import { usePortal } from '../PortalContext.ts';
import { setResumedForm } from '../resumeStore.ts';
import { navigate, portalPaths } from '../routing.ts';
import { useAsync } from '../useAsync.ts';

/** `#<paymentId>.<token>` from the return address (the fragment never reaches a server). */
function readFragment(): { id: string; token: string } | undefined {
  const match = /^#([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(window.location.hash);
  return match ? { id: match[1]!, token: match[2]! } : undefined;
}

/**
 * "Zahlung": where the citizen lands after the payment provider. Shows the received application with its reference
 * once the payment is confirmed, leads back to the review with the answers after a cancelled or failed payment, and
 * explains an open or expired payment.
 */
export function PaymentPage() {
  const { participant } = usePortal();
  const [fragment] = useState(readFragment);
  const [attempt, setAttempt] = useState(0);
  const state = useAsync(`payment:${fragment?.id ?? 'none'}:${attempt}`, async () => (fragment ? portalApi.getPayment(fragment.id, fragment.token) : undefined));
  if (!fragment) {
    return (
      <>
        <PageHeading title="Zahlung">Zahlung</PageHeading>
        <Alert kind="warning" title="Keine Zahlungsangaben">
          <p className="kern-body">Diese Seite erreichen Sie nach dem Bezahlen über den Bezahldienst.</p>
        </Alert>
      </>
    );
  }
  if (state.status === 'loading') return <Loading text="Zahlung wird geprüft …" />;
  if (state.status === 'failed' || !state.value) {
    return (
      <>
        <PageHeading title="Zahlung">Zahlung</PageHeading>
        <Alert kind="danger" title="Die Zahlung konnte nicht geprüft werden">
          <p className="kern-body">{describeApiError(state.status === 'failed' ? state.error : undefined)}</p>
        </Alert>
      </>
    );
  }
  const payment = state.value;
  if (payment.status === 'bezahlt') {
    return (
      <>
        <PageHeading title="Antrag eingegangen">Vielen Dank, Ihre Zahlung und Ihr Antrag sind eingegangen</PageHeading>
        <section className="kern-alert kern-alert--success" id="kf-bestaetigung" tabIndex={-1} aria-labelledby="kf-bestaetigung-titel">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <h2 className="kern-title" id="kf-bestaetigung-titel">
              Ihr Aktenzeichen: <span className="kf-reference">{payment.reference}</span>
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body" id="kf-bezahlt">
              Bezahlt: {formatEuro(payment.amountCents)}
              {payment.providerReference ? ` (Zahlungsreferenz ${payment.providerReference})` : ''}. Bitte geben Sie das Aktenzeichen bei
              Rückfragen an. Die {participant.name} meldet sich bei Ihnen.
            </p>
          </div>
        </section>
        <p className="kern-body">
          <Link to={portalPaths.start(participant.slug)}>Zurück zur Übersicht der Leistungen</Link>
        </p>
      </>
    );
  }
  if (payment.status === 'abgebrochen' || payment.status === 'fehlgeschlagen') {
    const back = () => {
      if (payment.data && typeof payment.data === 'object') {
        setResumedForm({ tenant: participant.slug, service: payment.service, data: payment.data as Record<string, unknown>, startAtReview: true });
      }
      navigate(portalPaths.form(participant.slug, payment.service));
    };
    return (
      <>
        <PageHeading title="Zahlung nicht abgeschlossen">Ihre Zahlung wurde nicht abgeschlossen</PageHeading>
        <Alert kind="warning" title={payment.status === 'abgebrochen' ? 'Zahlung abgebrochen' : 'Zahlung fehlgeschlagen'}>
          <p className="kern-body">Ihr Antrag ist noch nicht eingegangen. Ihre Angaben sind erhalten; Sie können sie prüfen und erneut bezahlen.</p>
        </Alert>
        <div className="kf-button-row">
          <button type="button" className="kern-btn kern-btn--primary" onClick={back}>
            <span className="kern-label">Zurück zur Prüfung Ihrer Angaben</span>
          </button>
        </div>
      </>
    );
  }
  if (payment.status === 'offen') {
    return (
      <>
        <PageHeading title="Zahlung offen">Ihre Zahlung ist noch offen</PageHeading>
        <p className="kern-body">
          Der Bezahldienst hat die Zahlung über {formatEuro(payment.amountCents)} noch nicht bestätigt. Ihr Antrag geht erst nach der
          bestätigten Zahlung ein; offen bis {formatDateTime(payment.expiresAt)}.
        </p>
        <div className="kf-button-row">
          <button type="button" className="kern-btn kern-btn--primary" onClick={() => setAttempt(attempt + 1)}>
            <span className="kern-label">Erneut prüfen</span>
          </button>
          {payment.paypageUrl ? (
            <a className="kern-btn kern-btn--secondary" href={payment.paypageUrl}>
              <span className="kern-label">Zum Bezahldienst</span>
            </a>
          ) : null}
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeading title="Zahlung abgelaufen">Der Bezahlvorgang ist abgelaufen</PageHeading>
      <Alert kind="warning" title="Kein Antrag eingegangen">
        <p className="kern-body">
          Die Zahlung wurde nicht rechtzeitig bestätigt; Ihre Angaben wurden gelöscht. Falls Ihnen trotzdem ein Betrag belastet wurde, erstattet
          die {participant.name} ihn.
        </p>
      </Alert>
      <p className="kern-body">
        <Link to={portalPaths.form(participant.slug, payment.service)}>Antrag neu beginnen</Link>
      </p>
    </>
  );
}

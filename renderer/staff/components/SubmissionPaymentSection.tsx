import { useEffect, useState, type FormEvent } from 'react';
import { formatEuro } from '../../../engine/payments/formatEuro.ts';
import type { SubmissionPayment } from '../../../contract/staffApi.ts';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { formatDateTime } from '../formatting.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { TextField } from './TextField.tsx';

/** The payment a submission carried: state, amount, provider reference, transaction cost; records a refund. */
export function SubmissionPaymentSection({ submissionId }: { submissionId: string }) {
  const [payment, setPayment] = useState<SubmissionPayment | null | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | undefined>();
  useEffect(() => {
    let active = true;
    staffApi.get<SubmissionPayment | null>(`/api/v1/staff/submissions/${encodeURIComponent(submissionId)}/payment`).then(
      (found) => active && setPayment(found),
      () => active && setPayment(null),
    );
    return () => {
      active = false;
    };
  }, [submissionId]);
  if (!payment) return null;
  const refund = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setPayment(await staffApi.post<SubmissionPayment>(`/api/v1/staff/submissions/${encodeURIComponent(submissionId)}/refund`, { reason }));
      setMessage({ kind: 'success', text: 'Erstattung erfasst.' });
    } catch (error) {
      setMessage({ kind: 'danger', text: error instanceof ApiError ? error.message : 'Erstattung fehlgeschlagen.' });
    }
  };
  return (
    <section aria-labelledby="zahlung-titel" className="staff-section">
      <h2 className="kern-heading-medium" id="zahlung-titel">
        Zahlung
      </h2>
      <dl className="kern-description-list">
        {[
          ['Status', payment.state],
          ['Betrag', formatEuro(payment.amountCents)],
          ['Bezahldienst', payment.provider],
          ['Zahlungsreferenz', payment.providerReference ?? '–'],
          ['Bezahlt am', formatDateTime(payment.paidAt)],
          ['Transaktionskosten', formatEuro(payment.transactionCostCents)],
          ...(payment.refundedAt ? [['Erstattet am', `${formatDateTime(payment.refundedAt)} (${payment.refundSent ? 'an den Bezahldienst gesendet' : 'nur erfasst'})`]] : []),
        ].map(([key, value]) => (
          <div className="kern-description-list-item" key={key}>
            <dt className="kern-description-list-item__key">{key}</dt>
            <dd className="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      {message ? <Alert kind={message.kind}><p className="kern-body">{message.text}</p></Alert> : null}
      {payment.state === 'bezahlt' ? (
        <form onSubmit={(event) => void refund(event)} noValidate>
          <TextField id="erstattung-grund" label="Grund der Erstattung" hint="Ohne personenbezogene Daten" value={reason} onChange={setReason} required />
          <Button type="submit" variant="secondary">
            Erstattung erfassen
          </Button>
        </form>
      ) : null}
    </section>
  );
}

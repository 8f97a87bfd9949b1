import { useEffect, useState, type FormEvent } from 'react';
import { formatEuro } from '../../../engine/payments/formatEuro.ts';
import { ApiError, staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { PaymentReport } from '../components/PaymentReport.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { useSession } from '../session.ts';

interface ProviderSettings {
  configured?: false;
  baseUrl?: string;
  originatorId?: string;
  endPointId?: string;
  clientId?: string;
  fixedCostCents?: number;
  percentBasisPoints?: number;
}

type Message = { kind: 'success' | 'danger'; text: string } | undefined;

function describeError(error: unknown): string {
  if (error instanceof ApiError) return [error.message, ...error.errors.map((detail) => detail.message)].join(' ');
  return 'Speichern fehlgeschlagen.';
}

/**
 * "Zahlungen" (§ 2 (1)): the participant's own payment provider (XBezahldienste) and transaction-cost terms, its fee
 * for the Bewohnerparkausweis and other chargeable services, and its payments report. Admins change, staff read.
 */
export function PaymentsPage() {
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const provider = useApi<ProviderSettings>('/api/v1/staff/payment-provider');
  const fees = useApi<{ items: { service: string; schedule: { baseCents: number } }[] }>('/api/v1/staff/fees');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [form, setForm] = useState({ baseUrl: '', originatorId: '', endPointId: '', clientId: '', clientSecret: '', fixedCostCents: '0', percentBasisPoints: '0' });
  const [providerMessage, setProviderMessage] = useState<Message>();
  const [feeService, setFeeService] = useState('bewohnerparkausweis');
  const [feeCents, setFeeCents] = useState('');
  const [feeMessage, setFeeMessage] = useState<Message>();

  useEffect(() => {
    if (provider.result.state !== 'ready' || provider.result.data.configured === false) return;
    const value = provider.result.data;
    setForm({
      baseUrl: value.baseUrl ?? '',
      originatorId: value.originatorId ?? '',
      endPointId: value.endPointId ?? '',
      clientId: value.clientId ?? '',
      clientSecret: '',
      fixedCostCents: String(value.fixedCostCents ?? 0),
      percentBasisPoints: String(value.percentBasisPoints ?? 0),
    });
  }, [provider.result]);

  const saveProvider = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await staffApi.put('/api/v1/staff/payment-provider', {
        kind: 'xbezahldienste',
        baseUrl: form.baseUrl,
        originatorId: form.originatorId,
        endPointId: form.endPointId,
        clientId: form.clientId,
        ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
        fixedCostCents: Number(form.fixedCostCents),
        percentBasisPoints: Number(form.percentBasisPoints),
      });
      setForm({ ...form, clientSecret: '' });
      setProviderMessage({ kind: 'success', text: 'Bezahldienst gespeichert.' });
    } catch (error) {
      setProviderMessage({ kind: 'danger', text: describeError(error) });
    }
  };

  const saveFee = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await staffApi.put(`/api/v1/staff/fees/${encodeURIComponent(feeService)}`, { baseCents: Number(feeCents) });
      setFeeMessage({ kind: 'success', text: `Gebühr für ${feeService} gespeichert: ${formatEuro(Number(feeCents))}.` });
      fees.reload();
    } catch (error) {
      setFeeMessage({ kind: 'danger', text: describeError(error) });
    }
  };

  const field = (key: keyof typeof form, label: string, hint?: string) => (
    <TextField id={`zahlung-${key}`} label={label} value={form[key]} onChange={(value) => setForm({ ...form, [key]: value })} hint={hint} required={key !== 'clientSecret'} />
  );

  return (
    <>
      <h1 className="kern-heading-large">Zahlungen</h1>
      <section aria-labelledby="gebuehren-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="gebuehren-titel">
          Gebühren
        </h2>
        {fees.result.state === 'ready' && fees.result.data.items.length > 0 ? (
          <ul className="kern-list">
            {fees.result.data.items.map((item) => (
              <li key={item.service}>
                {item.service}: {formatEuro(item.schedule.baseCents)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">Noch keine Gebühren festgelegt.</p>
        )}
        {isAdmin ? (
          <form onSubmit={(event) => void saveFee(event)} noValidate>
            {feeMessage ? <Alert kind={feeMessage.kind}><p className="kern-body">{feeMessage.text}</p></Alert> : null}
            <TextField id="gebuehr-dienst" label="Dienst (Kennung)" value={feeService} onChange={setFeeService} required />
            <TextField id="gebuehr-cent" label="Gebühr in Cent" hint="Ganze Cent, z. B. 3050 für 30,50 €" type="number" value={feeCents} onChange={setFeeCents} required />
            <Button type="submit">Gebühr speichern</Button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="bezahldienst-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="bezahldienst-titel">
          Bezahldienst (XBezahldienste) und Transaktionskosten
        </h2>
        {isAdmin ? (
          <form onSubmit={(event) => void saveProvider(event)} noValidate>
            {providerMessage ? <Alert kind={providerMessage.kind}><p className="kern-body">{providerMessage.text}</p></Alert> : null}
            {field('baseUrl', 'Adresse der Schnittstelle')}
            {field('originatorId', 'OriginatorId')}
            {field('endPointId', 'EndPointId')}
            {field('clientId', 'Client-Id')}
            {field('clientSecret', 'Client-Secret', 'Wird nie angezeigt; leer lassen, um das gespeicherte zu behalten.')}
            {field('fixedCostCents', 'Transaktionskosten fest (Cent je Zahlung)')}
            {field('percentBasisPoints', 'Transaktionskosten anteilig (Basispunkte, 150 = 1,50 %)')}
            <Button type="submit">Bezahldienst speichern</Button>
          </form>
        ) : (
          <p className="kern-body">Nur Administratorinnen und Administratoren können den Bezahldienst ändern.</p>
        )}
      </section>
      <section aria-labelledby="zahlungsbericht-titel" className="staff-section">
        <h2 className="kern-heading-medium" id="zahlungsbericht-titel">
          Zahlungen und Transaktionskosten
        </h2>
        <TextField id="zahlung-jahr" label="Jahr" type="number" value={year} onChange={setYear} required />
        <PaymentReport year={/^\d{4}$/.test(year) ? year : String(new Date().getFullYear())} />
      </section>
    </>
  );
}

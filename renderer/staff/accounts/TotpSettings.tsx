import { useState, type FormEvent } from 'react';
import { staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { TextField } from '../components/TextField.tsx';
import { describeAccountError } from './accountTexts.ts';

/**
 * The TOTP second factor of the signed-in user: set up (the secret is shown once as text and as otpauth link,
 * confirmed with a current code) or switch off (with the password, unless the role requires it).
 */
export function TotpSettings({ enabled, required, onChanged }: { enabled: boolean; required: boolean; onChanged: () => void }) {
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (caught) {
      setError(describeAccountError(caught));
    } finally {
      setBusy(false);
    }
  };

  const start = () => run(async () => setEnrolment(await staffApi.post<{ secret: string; uri: string }>('/api/v1/staff/totp/enrolment')));
  const activate = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await staffApi.post('/api/v1/staff/totp/activation', { code: code.trim() });
      setEnrolment(null);
      setCode('');
      onChanged();
    });
  };
  const deactivate = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await staffApi.post('/api/v1/staff/totp/deactivation', { currentPassword: password });
      setPassword('');
      onChanged();
    });
  };

  return (
    <section className="kern-stack" aria-labelledby="totp-titel">
      <h2 className="kern-heading-medium" id="totp-titel">
        Zweiter Faktor (Einmalcode-App)
      </h2>
      {error ? (
        <Alert kind="danger" title="Zweiter Faktor">
          <p className="kern-body">{error}</p>
        </Alert>
      ) : null}
      {enabled ? (
        <>
          <p className="kern-body">Der zweite Faktor ist eingerichtet: bei der Anmeldung fragen wir nach dem Code aus Ihrer App.</p>
          {required ? (
            <p className="kern-body kern-body--small">Für Ihre Rolle ist der zweite Faktor vorgeschrieben.</p>
          ) : (
            <form onSubmit={deactivate} noValidate className="kern-stack">
              <TextField id="totp-aus-passwort" label="Passwort zur Bestätigung" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Zweiten Faktor abschalten
              </Button>
            </form>
          )}
        </>
      ) : enrolment ? (
        <form onSubmit={activate} noValidate className="kern-stack">
          <p className="kern-body">
            Tragen Sie diesen Schlüssel in Ihre Einmalcode-App ein (zum Beispiel über „Schlüssel eingeben“). Er wird nur jetzt angezeigt.
          </p>
          <p className="kern-body">
            Schlüssel: <code className="staff-secret">{enrolment.secret}</code>
          </p>
          <p className="kern-body kern-body--small">
            Oder als Link für Apps, die ihn übernehmen: <code className="staff-secret">{enrolment.uri}</code>
          </p>
          <TextField id="totp-code" label="Aktueller Code aus der App" value={code} onChange={setCode} required autoComplete="one-time-code" hint="6 Ziffern" />
          <Button type="submit" disabled={busy}>
            Zweiten Faktor aktivieren
          </Button>
        </form>
      ) : (
        <>
          <p className="kern-body">
            {required ? 'Für Ihre Rolle ist ein zweiter Faktor vorgeschrieben. ' : ''}Mit einer Einmalcode-App (TOTP) schützt ein zweiter Faktor Ihr Konto, auch wenn jemand Ihr Passwort kennt.
          </p>
          <Button onClick={() => void start()} disabled={busy}>
            Zweiten Faktor einrichten
          </Button>
        </>
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { ApiError, setCsrfToken, staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { TextField } from '../components/TextField.tsx';
import type { StaffUser } from '../session.ts';

interface LoginResponse {
  user: StaffUser;
  csrfToken: string;
  participant: { slug: string; name: string } | null;
}

/** Sign-in for staff of the Kreis and the Kommunen (e-mail address and password). */
export function LoginPage({ onSignedIn }: { onSignedIn: (login: LoginResponse) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('Bitte E-Mail-Adresse und Passwort eingeben.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const login = await staffApi.post<LoginResponse>('/api/v1/staff/login', { email: email.trim(), password, ...(needsTotp ? { totpCode: totpCode.trim() } : {}) });
      setCsrfToken(login.csrfToken);
      onSignedIn(login);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'TOTP_REQUIRED') {
        setNeedsTotp(true);
        setError('Bitte zusätzlich den 6-stelligen Code aus Ihrer Einmalcode-App eingeben.');
      } else if (caught instanceof ApiError && caught.status === 401) setError(needsTotp ? 'E-Mail-Adresse, Passwort oder Code ist falsch.' : 'E-Mail-Adresse oder Passwort ist falsch.');
      else if (caught instanceof ApiError && caught.code === 'LOGIN_DELAYED' && caught.errors[0]) setError(caught.errors[0].message);
      else if (caught instanceof ApiError && caught.status === 429) setError('Zu viele Anmeldeversuche. Bitte warten Sie einige Minuten.');
      else setError('Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="kern-container staff-main staff-login" id="inhalt">
      <h1 className="kern-heading-large">Anmeldung für Beschäftigte</h1>
      <p className="kern-body">Serviceportal des Kreises Heinsberg und seiner Kommunen – Verwaltungsbereich.</p>
      {error ? <Alert kind="danger" title="Anmeldung fehlgeschlagen"><p className="kern-body">{error}</p></Alert> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="kern-stack">
        <TextField id="login-email" label="E-Mail-Adresse" type="email" value={email} onChange={setEmail} required autoComplete="username" />
        <TextField id="login-passwort" label="Passwort" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
        {needsTotp ? (
          <TextField id="login-code" label="Code aus der Einmalcode-App" value={totpCode} onChange={setTotpCode} required autoComplete="one-time-code" hint="Ihr Konto ist mit einem zweiten Faktor geschützt: 6 Ziffern." />
        ) : null}
        <Button type="submit" disabled={busy}>
          Anmelden
        </Button>
      </form>
    </main>
  );
}

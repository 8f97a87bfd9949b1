import { useState, type FormEvent } from 'react';
import { staffApi } from '../api/staffApi.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { TextField } from '../components/TextField.tsx';
import { describeAccountError } from './accountTexts.ts';

/** Changes the signed-in user's own password (also the forced change after a one-time password). */
export function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setError('Die beiden neuen Passwörter stimmen nicht überein.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await staffApi.post('/api/v1/staff/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      onChanged();
    } catch (caught) {
      setError(describeAccountError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="kern-stack" aria-labelledby="passwort-titel">
      <h2 className="kern-heading-medium" id="passwort-titel">
        Passwort ändern
      </h2>
      {error ? (
        <Alert kind="danger" title="Passwort nicht geändert">
          <p className="kern-body">{error}</p>
        </Alert>
      ) : null}
      {done ? (
        <Alert kind="success" title="Passwort geändert">
          <p className="kern-body">Ihr neues Passwort gilt ab sofort. Andere Sitzungen Ihres Kontos wurden beendet.</p>
        </Alert>
      ) : null}
      <TextField id="passwort-bisher" label="Bisheriges Passwort" type="password" value={current} onChange={setCurrent} required autoComplete="current-password" />
      <TextField id="passwort-neu" label="Neues Passwort" type="password" value={next} onChange={setNext} required autoComplete="new-password" hint="Mindestens 12 Zeichen." />
      <TextField id="passwort-wiederholung" label="Neues Passwort wiederholen" type="password" value={repeat} onChange={setRepeat} required autoComplete="new-password" />
      <Button type="submit" disabled={busy}>
        Passwort speichern
      </Button>
    </form>
  );
}

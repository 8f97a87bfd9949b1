import { useState, type FormEvent } from 'react';
import { staffApi } from '../api/staffApi.ts';
import { ROLE_LABELS, describeAccountError } from '../accounts/accountTexts.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useApi } from '../components/useApi.ts';
import { formatDateTime } from '../formatting.ts';
import { useSession, type StaffRole } from '../session.ts';

interface Account {
  id: string;
  email: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

type Notice = { kind: 'success' | 'danger'; title: string; text: string; oneTimePassword?: string } | null;

/**
 * Staff management for a participant's admins: the own participant's users, a new user with a one-time password
 * (shown once), role changes, deactivation (ends the user's sessions at once) and reactivation, password and
 * second-factor resets.
 */
export function UsersPage() {
  const { user } = useSession();
  const { result, reload } = useApi<{ users: Account[]; roles: StaffRole[] }>('/api/v1/staff/users');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<Notice>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
      reload();
    } catch (caught) {
      setNotice({ kind: 'danger', title: 'Aktion fehlgeschlagen', text: describeAccountError(caught) });
    } finally {
      setBusy(false);
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await staffApi.post<{ user: Account; oneTimePassword: string }>('/api/v1/staff/users', { email: email.trim(), role });
      setEmail('');
      return {
        kind: 'success',
        title: 'Benutzer angelegt',
        text: `${created.user.email} meldet sich mit diesem Einmalpasswort an und legt dabei ein eigenes Passwort fest. Es wird nur jetzt angezeigt; geben Sie es auf sicherem Weg weiter.`,
        oneTimePassword: created.oneTimePassword,
      };
    });
  };

  const update = (account: Account, change: { role?: StaffRole; disabled?: boolean }, text: string) =>
    run(async () => {
      await staffApi.patch(`/api/v1/staff/users/${encodeURIComponent(account.id)}`, change);
      return { kind: 'success', title: 'Gespeichert', text };
    });

  const resetPassword = (account: Account) =>
    run(async () => {
      const reset = await staffApi.post<{ oneTimePassword: string }>(`/api/v1/staff/users/${encodeURIComponent(account.id)}/password-reset`);
      return {
        kind: 'success',
        title: 'Einmalpasswort ausgegeben',
        text: `Das neue Einmalpasswort für ${account.email} wird nur jetzt angezeigt. Offene Sitzungen des Kontos wurden beendet.`,
        oneTimePassword: reset.oneTimePassword,
      };
    });

  const resetTotp = (account: Account) =>
    run(async () => {
      await staffApi.delete(`/api/v1/staff/users/${encodeURIComponent(account.id)}/totp`);
      return { kind: 'success', title: 'Zweiter Faktor zurückgesetzt', text: `${account.email} kann den zweiten Faktor neu einrichten.` };
    });

  return (
    <>
      <h1 className="kern-heading-large">Benutzer</h1>
      <p className="kern-body">Beschäftigte Ihres Serviceportals: anlegen, Rollen vergeben, deaktivieren und Passwörter zurücksetzen.</p>
      {notice ? (
        <Alert kind={notice.kind} title={notice.title}>
          <p className="kern-body">{notice.text}</p>
          {notice.oneTimePassword ? (
            <p className="kern-body">
              Einmalpasswort: <code className="staff-secret" data-testid="einmalpasswort">{notice.oneTimePassword}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <LoadState loaded={result}>
        {(data) => (
          <>
            <section className="staff-section" aria-labelledby="benutzer-neu">
              <h2 className="kern-heading-medium" id="benutzer-neu">
                Neuen Benutzer anlegen
              </h2>
              <form onSubmit={create} noValidate className="kern-stack">
                <TextField id="benutzer-email" label="E-Mail-Adresse" type="email" value={email} onChange={setEmail} required autoComplete="off" />
                <SelectField
                  id="benutzer-rolle"
                  label="Rolle"
                  value={role}
                  options={data.roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
                  onChange={(value) => setRole(value as StaffRole)}
                />
                <Button type="submit" disabled={busy}>
                  Benutzer anlegen
                </Button>
              </form>
            </section>
            <section className="staff-section" aria-labelledby="benutzer-liste">
              <h2 className="kern-heading-medium" id="benutzer-liste">
                Alle Benutzer
              </h2>
              <DataTable caption={`${data.users.length} Benutzer`} columns={['E-Mail-Adresse', 'Rolle', 'Status', 'Zweiter Faktor', 'Angelegt', 'Aktionen']}>
                {data.users.map((account) => {
                  const own = account.id === user.id || account.email === user.email;
                  return (
                    <tr className="kern-table__row" key={account.id}>
                      <td className="kern-table__cell">{account.email}</td>
                      <td className="kern-table__cell">
                        {own ? (
                          ROLE_LABELS[account.role]
                        ) : (
                          <div className="kern-form-input">
                            <label className="kern-label kern-sr-only" htmlFor={`rolle-${account.id}`}>
                              Rolle von {account.email}
                            </label>
                            <div className="kern-form-input__select-wrapper">
                              <select
                                id={`rolle-${account.id}`}
                                className="kern-form-input__select"
                                value={account.role}
                                disabled={busy}
                                onChange={(event) => void update(account, { role: event.target.value as StaffRole }, `${account.email} hat jetzt die Rolle ${ROLE_LABELS[event.target.value as StaffRole]}.`)}
                              >
                                {data.roles.map((value) => (
                                  <option key={value} value={value}>
                                    {ROLE_LABELS[value]}
                                  </option>
                                ))}
                              </select>
                            </div>
                          </div>
                        )}
                      </td>
                      <td className="kern-table__cell">{account.disabled ? 'deaktiviert' : account.mustChangePassword ? 'aktiv (Einmalpasswort)' : 'aktiv'}</td>
                      <td className="kern-table__cell">{account.totpEnabled ? 'eingerichtet' : 'nein'}</td>
                      <td className="kern-table__cell">{formatDateTime(account.createdAt)}</td>
                      <td className="kern-table__cell">
                        {own ? (
                          <span className="kern-body kern-body--small">Ihr Konto (unter „Mein Konto“)</span>
                        ) : (
                          <div className="staff-actions">
                            {account.disabled ? (
                              <Button small variant="secondary" disabled={busy} ariaLabel={`${account.email} reaktivieren`} onClick={() => void update(account, { disabled: false }, `${account.email} ist wieder aktiv.`)}>
                                Reaktivieren
                              </Button>
                            ) : (
                              <Button small variant="secondary" disabled={busy} ariaLabel={`${account.email} deaktivieren`} onClick={() => void update(account, { disabled: true }, `${account.email} ist deaktiviert; offene Sitzungen sind beendet.`)}>
                                Deaktivieren
                              </Button>
                            )}
                            <Button small variant="secondary" disabled={busy} ariaLabel={`Passwort zurücksetzen für ${account.email}`} onClick={() => void resetPassword(account)}>
                              Passwort zurücksetzen
                            </Button>
                            {account.totpEnabled ? (
                              <Button small variant="tertiary" disabled={busy} ariaLabel={`Zweiten Faktor zurücksetzen für ${account.email}`} onClick={() => void resetTotp(account)}>
                                Zweiten Faktor zurücksetzen
                              </Button>
                            ) : null}
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </DataTable>
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}

import { PasswordChangeForm } from '../accounts/PasswordChangeForm.tsx';
import { TotpSettings } from '../accounts/TotpSettings.tsx';
import { useSession } from '../session.ts';

/** The signed-in user's own account: password and second factor. */
export function AccountPage({ onAccountChanged }: { onAccountChanged: () => void }) {
  const { user } = useSession();
  return (
    <>
      <h1 className="kern-heading-large">Mein Konto</h1>
      <p className="kern-body">Angemeldet als {user.email}.</p>
      <div className="staff-section">
        <PasswordChangeForm onChanged={onAccountChanged} />
      </div>
      <div className="staff-section">
        <TotpSettings enabled={user.totpEnabled === true} required={user.totpRequired === true} onChanged={onAccountChanged} />
      </div>
    </>
  );
}

/** Shown instead of every page while a one-time password must be replaced or a required second factor is missing. */
export function PendingStepsPage({ onAccountChanged }: { onAccountChanged: () => void }) {
  const { user } = useSession();
  if (user.mustChangePassword) {
    return (
      <>
        <h1 className="kern-heading-large">Eigenes Passwort festlegen</h1>
        <p className="kern-body">Sie haben sich mit einem Einmalpasswort angemeldet. Bitte legen Sie jetzt Ihr eigenes Passwort fest; danach stehen Ihnen alle Bereiche offen.</p>
        <div className="staff-section">
          <PasswordChangeForm onChanged={onAccountChanged} />
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="kern-heading-large">Zweiten Faktor einrichten</h1>
      <p className="kern-body">Für Ihre Rolle ist eine Anmeldung mit zweitem Faktor vorgeschrieben. Bitte richten Sie ihn jetzt ein.</p>
      <div className="staff-section">
        <TotpSettings enabled={false} required onChanged={onAccountChanged} />
      </div>
    </>
  );
}

/** Whether the user must finish a step (own password, required second factor) before using the app. */
export function hasPendingSteps(user: { mustChangePassword?: boolean; totpRequired?: boolean; totpEnabled?: boolean }): boolean {
  return user.mustChangePassword === true || (user.totpRequired === true && user.totpEnabled !== true);
}

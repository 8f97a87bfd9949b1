import { ApiError } from '../api/staffApi.ts';

/** German names of the roles in staff management. */
export const ROLE_LABELS = { staff: 'Sachbearbeitung', editor: 'Redaktion', admin: 'Administration' } as const;

/** German names of audit actions (the stable action names stay visible beside them). */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'staff.login': 'Anmeldung',
  'staff.user_created': 'Benutzer angelegt',
  'staff.user_deactivated': 'Benutzer deaktiviert',
  'staff.user_reactivated': 'Benutzer reaktiviert',
  'staff.user_role_changed': 'Rolle geändert',
  'staff.password_reset': 'Einmalpasswort ausgegeben',
  'staff.password_changed': 'Eigenes Passwort geändert',
  'staff.totp_enabled': 'Zweiter Faktor eingerichtet',
  'staff.totp_disabled': 'Zweiter Faktor abgeschaltet',
  'staff.totp_reset': 'Zweiter Faktor zurückgesetzt',
  'submission.status_changed': 'Status eines Antrags geändert',
  'submission.erased': 'Antrag auf Wunsch gelöscht',
  'enablement.changed': 'Angebot geändert',
};

/** The German message for a failed staff management call. */
export function describeAccountError(error: unknown): string {
  const code = error instanceof ApiError ? error.code : '';
  switch (code) {
    case 'USER_EXISTS':
      return 'Diese E-Mail-Adresse ist bereits vergeben.';
    case 'INVALID_USER':
      return 'Bitte eine gültige E-Mail-Adresse und eine erlaubte Rolle angeben.';
    case 'OWN_ACCOUNT_CHANGE_REFUSED':
      return 'Das eigene Konto können Sie nicht deaktivieren, und Ihre eigene Rolle können Sie nicht ändern.';
    case 'USER_NOT_FOUND':
      return 'Diesen Benutzer gibt es nicht (mehr).';
    case 'CURRENT_PASSWORD_WRONG':
      return 'Das bisherige Passwort ist falsch.';
    case 'WEAK_PASSWORD':
      return 'Das neue Passwort muss mindestens 12 Zeichen lang sein und sich vom bisherigen unterscheiden.';
    case 'TOTP_INVALID':
      return 'Der Code ist falsch oder abgelaufen. Bitte den aktuellen Code aus der App eingeben.';
    case 'TOTP_ALREADY_ENABLED':
      return 'Der zweite Faktor ist bereits eingerichtet.';
    case 'TOTP_REQUIRED_BY_POLICY':
      return 'Für Ihre Rolle ist der zweite Faktor vorgeschrieben; er kann nicht abgeschaltet werden.';
    case 'FORBIDDEN':
      return 'Ihre Rolle erlaubt diese Aktion nicht.';
    default:
      return 'Die Aktion ist fehlgeschlagen. Bitte versuchen Sie es erneut.';
  }
}

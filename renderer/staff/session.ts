import { createContext, useContext } from 'react';

export type StaffRole = 'staff' | 'editor' | 'admin';

/** The signed-in staff user as the server reports it. */
export interface StaffUser {
  email: string;
  tenant: string;
  role: StaffRole;
  id?: string;
  /** Signed in with a one-time password: must choose an own password first. */
  mustChangePassword?: boolean;
  totpEnabled?: boolean;
  /** The role requires the TOTP second factor (server configuration). */
  totpRequired?: boolean;
}

export interface SessionState {
  user: StaffUser;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The current session; only used below the app's signed-in shell. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside the signed-in staff shell');
  return session;
}

/** Kreis editors (role editor or admin at the Kreis) author and publish services. */
export function isKreisEditor(user: StaffUser): boolean {
  return user.tenant === 'kreis-heinsberg' && (user.role === 'editor' || user.role === 'admin');
}

/** Admins of a participant manage its offering (enablements and local details). */
export function isTenantAdmin(user: StaffUser): boolean {
  return user.role === 'admin';
}

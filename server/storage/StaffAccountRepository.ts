import type { AuditEventInput } from './AuditRepository.ts';
import type { StaffRole, StaffUser, StaffUserWithSecret } from './UserRepository.ts';

/** The second-factor state of a user (the secret never leaves the server except once at enrolment). */
export interface TotpState {
  secret: string | null;
  enabled: boolean;
  lastStep: number | null;
}

/**
 * Staff management by a participant's admins and by each user for themselves. Every method that changes an account
 * takes the participant (`tenant`) and touches only that participant's users, and writes its audit event in the
 * same transaction. Ending sessions happens in the same transaction as the change that requires it.
 */
export interface StaffAccountRepository {
  /** Creates a user (with `mustChangePassword`); 'exists' when the e-mail address is taken. */
  create(user: StaffUserWithSecret & { mustChangePassword: boolean }, audit: AuditEventInput): Promise<'created' | 'exists'>;
  /** The user if it belongs to `tenant`, else undefined (a foreign id looks like a missing one). */
  getInTenant(tenant: string, id: string): Promise<StaffUser | undefined>;
  /** Changes role and/or disabled state; deactivation deletes all sessions of the user at once. */
  update(tenant: string, id: string, change: { role?: StaffRole; disabled?: boolean }, audit: AuditEventInput): Promise<StaffUser | undefined>;
  /** Sets a one-time password (must be changed at next sign-in) and ends all sessions of the user. */
  resetPassword(tenant: string, id: string, passwordHash: string, audit: AuditEventInput): Promise<boolean>;
  /** The user's own new password: clears the change requirement and ends all other sessions of the user. */
  changeOwnPassword(id: string, passwordHash: string, keepSessionHash: string, audit: AuditEventInput): Promise<void>;
  /** The stored password hash, for checking the current password. */
  getPasswordHash(id: string): Promise<string | undefined>;
  getTotp(id: string): Promise<TotpState | undefined>;
  /** Stores a pending secret (not yet active); replaces an earlier pending one. */
  setPendingTotp(id: string, secret: string): Promise<void>;
  /** Activates the pending secret after a correct code. */
  enableTotp(id: string, step: number, audit: AuditEventInput): Promise<void>;
  /** Removes the second factor (by the user, or by an admin of the user's participant). */
  disableTotp(tenant: string, id: string, audit: AuditEventInput): Promise<boolean>;
  /** Records a used time step; false when the step (or a later one) was used already (replay). */
  useTotpStep(id: string, step: number): Promise<boolean>;
}

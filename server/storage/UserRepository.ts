export type StaffRole = 'staff' | 'editor' | 'admin';

export interface StaffUser {
  id: string;
  tenant: string;
  email: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
  /** Set by a one-time password: the user must choose a new password before anything else. */
  mustChangePassword?: boolean;
  /** Whether the TOTP second factor is active for this user. */
  totpEnabled?: boolean;
}

export interface StaffUserWithSecret extends StaffUser {
  passwordHash: string;
}

/** Staff accounts; each belongs to one participant. */
export interface UserRepository {
  /** Case-insensitive by e-mail address. */
  findByEmail(email: string): Promise<StaffUserWithSecret | undefined>;
  get(id: string): Promise<StaffUser | undefined>;
  listByTenant(tenant: string): Promise<StaffUser[]>;
  /** Creates a user; 'exists' when the e-mail address is taken. */
  create(user: StaffUserWithSecret): Promise<'created' | 'exists'>;
  setPassword(id: string, passwordHash: string): Promise<boolean>;
  setDisabled(id: string, disabled: boolean): Promise<boolean>;
}

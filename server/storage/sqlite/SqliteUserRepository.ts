import type { StaffRole, StaffUser, StaffUserWithSecret, UserRepository } from '../UserRepository.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

export interface UserRow {
  id: string;
  tenant: string;
  email: string;
  password_hash: string;
  role: StaffRole;
  disabled: number;
  created_at: string;
  must_change_password?: number;
  totp_enabled?: number;
}

/** SQLite staff users. */
export class SqliteUserRepository implements UserRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async findByEmail(email: string): Promise<StaffUserWithSecret | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE email = ? COLLATE NOCASE', [email]);
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async get(id: string): Promise<StaffUser | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return row && toUser(row);
  }

  async listByTenant(tenant: string): Promise<StaffUser[]> {
    return (await this.db.all<UserRow>('SELECT * FROM users WHERE tenant = ? ORDER BY email', [tenant])).map(toUser);
  }

  create(user: StaffUserWithSecret): Promise<'created' | 'exists'> {
    return this.db.write(async (tx) => {
      const changed = await tx.run(
        `INSERT INTO users (id, tenant, email, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (email) DO NOTHING`,
        [user.id, user.tenant, user.email, user.passwordHash, user.role, user.disabled ? 1 : 0, user.createdAt],
      );
      return changed === 1 ? 'created' : 'exists';
    });
  }

  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    return (await this.db.write((tx) => tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id]))) === 1;
  }

  async setDisabled(id: string, disabled: boolean): Promise<boolean> {
    return (await this.db.write((tx) => tx.run('UPDATE users SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id]))) === 1;
  }
}

/** Maps a users row to the public user shape (without the password hash). */
export function toUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    tenant: row.tenant,
    email: row.email,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    mustChangePassword: row.must_change_password === 1,
    totpEnabled: row.totp_enabled === 1,
  };
}

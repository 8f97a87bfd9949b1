import type { StaffUser, StaffUserWithSecret, UserRepository } from '../UserRepository.ts';
import { toUser, type UserRow } from '../sqlite/SqliteUserRepository.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

/**
 * PostgreSQL staff users. E-mail addresses are unique whatever their case (unique index on lower(email), SQLite's
 * COLLATE NOCASE), so lookups and the conflict target use lower(email) too.
 */
export class PostgresUserRepository implements UserRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async findByEmail(email: string): Promise<StaffUserWithSecret | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE lower(email) = lower(?)', [email]);
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async get(id: string): Promise<StaffUser | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return row && toUser(row);
  }

  async listByTenant(tenant: string): Promise<StaffUser[]> {
    // SQLite orders the NOCASE column case-insensitively (ASCII), ties in no defined order: lower() then the bytes.
    const rows = await this.db.all<UserRow>('SELECT * FROM users WHERE tenant = ? ORDER BY lower(email COLLATE "C"), email COLLATE "C"', [tenant]);
    return rows.map(toUser);
  }

  create(user: StaffUserWithSecret): Promise<'created' | 'exists'> {
    return this.db.write(async (tx) => {
      const changed = await tx.run(
        `INSERT INTO users (id, tenant, email, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ((lower(email))) DO NOTHING`,
        [user.id, user.tenant, user.email, user.passwordHash, user.role, user.disabled ? 1 : 0, user.createdAt],
      );
      return changed === 1 ? 'created' : 'exists';
    });
  }

  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    return (await this.db.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id])) === 1;
  }

  async setDisabled(id: string, disabled: boolean): Promise<boolean> {
    return (await this.db.run('UPDATE users SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id])) === 1;
  }
}

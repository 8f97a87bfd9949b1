import type { AuditEventInput } from '../AuditRepository.ts';
import type { StaffAccountRepository, TotpState } from '../StaffAccountRepository.ts';
import { toUser, type UserRow } from '../sqlite/SqliteUserRepository.ts';
import type { StaffRole, StaffUser, StaffUserWithSecret } from '../UserRepository.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface TotpRow {
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
}

/** PostgreSQL staff management (table users; sessions ended and audit written in the same transaction). */
export class PostgresStaffAccountRepository implements StaffAccountRepository {
  constructor(private readonly db: PostgresDatabase) {}

  create(user: StaffUserWithSecret & { mustChangePassword: boolean }, audit: AuditEventInput): Promise<'created' | 'exists'> {
    return this.db.write(async (tx) => {
      const changed = await tx.run(
        `INSERT INTO users (id, tenant, email, password_hash, role, disabled, created_at, must_change_password)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ((lower(email))) DO NOTHING`,
        [user.id, user.tenant, user.email, user.passwordHash, user.role, user.disabled ? 1 : 0, user.createdAt, user.mustChangePassword ? 1 : 0],
      );
      if (changed !== 1) return 'exists';
      await insertAuditEvent(tx, audit);
      return 'created';
    });
  }

  async getInTenant(tenant: string, id: string): Promise<StaffUser | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE id = ? AND tenant = ?', [id, tenant]);
    return row && toUser(row);
  }

  update(tenant: string, id: string, change: { role?: StaffRole; disabled?: boolean }, audit: AuditEventInput): Promise<StaffUser | undefined> {
    return this.db.write(async (tx) => {
      // The row lock orders concurrent changes of one account (e.g. the check for the last admin in the use case).
      const row = await tx.get<UserRow>('SELECT * FROM users WHERE id = ? AND tenant = ? FOR UPDATE', [id, tenant]);
      if (!row) return undefined;
      if (change.role !== undefined) await tx.run('UPDATE users SET role = ? WHERE id = ?', [change.role, id]);
      if (change.disabled !== undefined) await tx.run('UPDATE users SET disabled = ? WHERE id = ?', [change.disabled ? 1 : 0, id]);
      if (change.disabled === true) await tx.run('DELETE FROM sessions WHERE user_id = ?', [id]);
      await insertAuditEvent(tx, audit);
      const updated = await tx.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
      return updated && toUser(updated);
    });
  }

  resetPassword(tenant: string, id: string, passwordHash: string, audit: AuditEventInput): Promise<boolean> {
    return this.db.write(async (tx) => {
      const changed = await tx.run('UPDATE users SET password_hash = ?, must_change_password = 1 WHERE id = ? AND tenant = ?', [passwordHash, id, tenant]);
      if (changed !== 1) return false;
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [id]);
      await insertAuditEvent(tx, audit);
      return true;
    });
  }

  async changeOwnPassword(id: string, passwordHash: string, keepSessionHash: string, audit: AuditEventInput): Promise<void> {
    await this.db.write(async (tx) => {
      await tx.run('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?', [passwordHash, id]);
      await tx.run('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?', [id, keepSessionHash]);
      await insertAuditEvent(tx, audit);
    });
  }

  async getPasswordHash(id: string): Promise<string | undefined> {
    return (await this.db.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', [id]))?.password_hash;
  }

  async getTotp(id: string): Promise<TotpState | undefined> {
    const row = await this.db.get<TotpRow>('SELECT totp_secret, totp_enabled, totp_last_step FROM users WHERE id = ?', [id]);
    return row && { secret: row.totp_secret, enabled: row.totp_enabled === 1, lastStep: row.totp_last_step };
  }

  async setPendingTotp(id: string, secret: string): Promise<void> {
    await this.db.run('UPDATE users SET totp_secret = ?, totp_enabled = 0, totp_last_step = NULL WHERE id = ? AND totp_enabled = 0', [secret, id]);
  }

  async enableTotp(id: string, step: number, audit: AuditEventInput): Promise<void> {
    await this.db.write(async (tx) => {
      await tx.run('UPDATE users SET totp_enabled = 1, totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL', [step, id]);
      await insertAuditEvent(tx, audit);
    });
  }

  disableTotp(tenant: string, id: string, audit: AuditEventInput): Promise<boolean> {
    return this.db.write(async (tx) => {
      const changed = await tx.run('UPDATE users SET totp_secret = NULL, totp_enabled = 0, totp_last_step = NULL WHERE id = ? AND tenant = ?', [id, tenant]);
      if (changed !== 1) return false;
      await insertAuditEvent(tx, audit);
      return true;
    });
  }

  async useTotpStep(id: string, step: number): Promise<boolean> {
    // One statement: a concurrent use of the same step in another process waits for the row lock and then finds it used.
    const changed = await this.db.run('UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)', [step, id, step]);
    return changed === 1;
  }
}

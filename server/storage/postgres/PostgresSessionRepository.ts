import type { SessionRepository, StaffSession } from '../SessionRepository.ts';
import { toUser, type UserRow } from '../sqlite/SqliteUserRepository.ts';
import type { StaffUser } from '../UserRepository.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface SessionUserRow extends UserRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  session_created_at: string;
  expires_at: string;
}

/** PostgreSQL staff sessions (table sessions), joined with their user on lookup; shared by all server processes. */
export class PostgresSessionRepository implements SessionRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async create(session: StaffSession): Promise<void> {
    await this.db.run('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
      session.tokenHash,
      session.userId,
      session.csrfToken,
      session.createdAt,
      session.expiresAt,
    ]);
  }

  async findValid(tokenHash: string, now: string): Promise<{ session: StaffSession; user: StaffUser } | undefined> {
    const row = await this.db.get<SessionUserRow>(
      `SELECT u.*, s.token_hash, s.user_id, s.csrf_token, s.created_at AS session_created_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
      [tokenHash, now],
    );
    if (!row) return undefined;
    return {
      session: { tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.session_created_at, expiresAt: row.expires_at },
      user: toUser(row),
    };
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  deleteExpired(now: string): Promise<number> {
    return this.db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
  }
}

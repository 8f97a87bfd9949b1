import type { StaffUser } from './UserRepository.ts';

export interface StaffSession {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Server-side sessions of staff users. */
export interface SessionRepository {
  create(session: StaffSession): Promise<void>;
  /** The session with its (enabled) user, if it exists and has not expired at `now`. */
  findValid(tokenHash: string, now: string): Promise<{ session: StaffSession; user: StaffUser } | undefined>;
  delete(tokenHash: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

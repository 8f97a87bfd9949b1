import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../AppDeps.ts';
import { verifyTotpCode } from '../auth/totp.ts';
import { verifyPassword } from '../auth/verifyPassword.ts';
import { createHttpError } from '../errors.ts';
import { hashSessionToken } from '../middleware/requireStaff.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

export interface StaffLogin {
  /** Goes into the session cookie only. */
  token: string;
  csrfToken: string;
  user: StaffUser;
  maxAgeSeconds: number;
}

/**
 * Signs a staff user in: 401 INVALID_CREDENTIALS for an unknown address, wrong password or disabled account (the
 * same answer and about the same time for each). Creates a server-side session (only the token's hash is stored)
 * and a CSRF token, and records a login audit event. With an active second factor the body must also carry
 * `totpCode`: missing answers 401 TOTP_REQUIRED (after a correct password only), wrong or replayed 401 INVALID_CREDENTIALS.
 */
export async function loginStaff(deps: AppDeps, body: unknown): Promise<StaffLogin> {
  const { email, password, totpCode } = (body ?? {}) as { email?: unknown; password?: unknown; totpCode?: unknown };
  if (typeof email !== 'string' || typeof password !== 'string' || email.length > 320 || password.length > 1024) {
    throw createHttpError('INVALID_CREDENTIALS');
  }
  const user = await deps.storage.users.findByEmail(email.trim());
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user || !matches || user.disabled) throw createHttpError('INVALID_CREDENTIALS');
  const now = deps.now();
  if (user.totpEnabled) await checkSecondFactor(deps, user.id, totpCode, now);
  const maxAgeSeconds = deps.config.sessionTtlMinutes * 60;
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await deps.storage.sessions.create({
    tokenHash: hashSessionToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
  });
  await deps.storage.audit.append({ tenant: user.tenant, actor: user.id, action: 'staff.login', subject: user.id });
  const { passwordHash: _secret, ...publicUser } = user;
  return { token, csrfToken, user: publicUser, maxAgeSeconds };
}

async function checkSecondFactor(deps: AppDeps, userId: string, code: unknown, now: Date): Promise<void> {
  if (code === undefined || code === null || code === '') throw createHttpError('TOTP_REQUIRED');
  const totp = await deps.storage.staffAccounts.getTotp(userId);
  if (!totp?.secret) throw createHttpError('INVALID_CREDENTIALS');
  const step = await verifyTotpCode(totp.secret, code, now, totp.lastStep);
  if (step === undefined || !(await deps.storage.staffAccounts.useTotpStep(userId, step))) throw createHttpError('INVALID_CREDENTIALS');
}

import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../AppDeps.ts';
import { verifyTotpCode } from '../auth/totp.ts';
import { verifyPassword } from '../auth/verifyPassword.ts';
import { createHttpError } from '../errors.ts';
import { hashSessionToken } from '../middleware/requireStaff.ts';
import type { LoginFailures } from '../storage/LoginThrottleRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { getLoginDelay } from './getLoginDelay.ts';

export interface StaffLogin {
  /** Goes into the session cookie only. */
  token: string;
  csrfToken: string;
  user: StaffUser;
  maxAgeSeconds: number;
}

/**
 * Signs a staff user in: 401 INVALID_CREDENTIALS for an unknown address, wrong password or disabled account (the
 * same answer and about the same time for each). Failures count per account (also for unknown addresses, so the
 * answer reveals nothing): after FREE_LOGIN_FAILURES, the account waits with growing delays (getLoginDelay) and
 * is answered 429 LOGIN_DELAYED with a German notice, without checking the password, whichever IP asks. Failed
 * sign-ins of existing accounts are audited (never the typed password); a success clears the count. With an
 * active second factor the body must also carry `totpCode`: missing answers 401 TOTP_REQUIRED (after a correct
 * password only), wrong or replayed 401 INVALID_CREDENTIALS (counted as a failure). Creates a server-side session
 * (only the token's hash is stored) and a CSRF token, and records a login audit event.
 */
export async function loginStaff(deps: AppDeps, body: unknown): Promise<StaffLogin> {
  const { email, password, totpCode } = (body ?? {}) as { email?: unknown; password?: unknown; totpCode?: unknown };
  if (typeof email !== 'string' || typeof password !== 'string' || email.length > 320 || password.length > 1024) {
    throw createHttpError('INVALID_CREDENTIALS');
  }
  const accountKey = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  const now = deps.now();
  assertNotDelayed(await deps.storage.loginThrottle.get(accountKey), now);
  const user = await deps.storage.users.findByEmail(email.trim());
  const matches = await verifyPassword(password, user?.passwordHash);
  const recordFailure = async (): Promise<never> => {
    const failures = await deps.storage.loginThrottle.recordFailure(accountKey, now.toISOString(), (count) => {
      const delay = getLoginDelay(count);
      return delay > 0 ? new Date(now.getTime() + delay).toISOString() : null;
    });
    if (user) {
      await deps.storage.audit.append({ tenant: user.tenant, actor: user.id, action: 'staff.login_failed', subject: user.id, details: { failures: failures.failures } });
    }
    throw createHttpError('INVALID_CREDENTIALS');
  };
  if (!user || !matches || user.disabled) return recordFailure();
  if (user.totpEnabled && !(await checkSecondFactor(deps, user.id, totpCode, now))) return recordFailure();
  await deps.storage.loginThrottle.clear(accountKey);
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

function assertNotDelayed(failures: LoginFailures | undefined, now: Date): void {
  if (!failures?.lockedUntil) return;
  const waitMs = Date.parse(failures.lockedUntil) - now.getTime();
  if (waitMs <= 0) return;
  const minutes = Math.ceil(waitMs / 60_000);
  const error = createHttpError('LOGIN_DELAYED', [
    {
      pointer: '',
      message: `Für dieses Konto gab es zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in ${minutes === 1 ? 'einer Minute' : `${minutes} Minuten`} erneut.`,
    },
  ]);
  error.headers['Retry-After'] = String(Math.ceil(waitMs / 1000));
  throw error;
}

async function checkSecondFactor(deps: AppDeps, userId: string, code: unknown, now: Date): Promise<boolean> {
  if (code === undefined || code === null || code === '') throw createHttpError('TOTP_REQUIRED');
  const totp = await deps.storage.staffAccounts.getTotp(userId);
  if (!totp?.secret) return false;
  const step = await verifyTotpCode(totp.secret, code, now, totp.lastStep);
  return step !== undefined && (await deps.storage.staffAccounts.useTotpStep(userId, step));
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { readSessionToken } from '../auth/sessionCookie.ts';
import { createHttpError } from '../errors.ts';
import type { StaffRole } from '../storage/UserRepository.ts';
import type { StaffContext } from './getStaffContext.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requires a signed-in staff user with one of `roles`: 401 AUTHENTICATION_REQUIRED without a valid session,
 * 403 FORBIDDEN for another role, and for unsafe methods 403 CSRF_FAILED unless the X-CSRF-Token header equals the
 * session's token (synchronizer token, compared in constant time). Sets the context read by getStaffContext.
 * A user with a one-time password (403 PASSWORD_CHANGE_REQUIRED) or without a second factor their role requires
 * (403 TOTP_ENROLMENT_REQUIRED) reaches only routes with `allowPending` (me, logout, password, TOTP set-up).
 */
export function requireStaff(deps: AppDeps, roles: readonly StaffRole[], options: { allowPending?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    const token = readSessionToken(req);
    if (!token) throw createHttpError('AUTHENTICATION_REQUIRED');
    const found = await deps.storage.sessions.findValid(hashSessionToken(token), deps.now().toISOString());
    if (!found) throw createHttpError('AUTHENTICATION_REQUIRED');
    if (!SAFE_METHODS.has(req.method) && !isSameToken(req.get('x-csrf-token'), found.session.csrfToken)) {
      throw createHttpError('CSRF_FAILED');
    }
    if (!roles.includes(found.user.role)) throw createHttpError('FORBIDDEN');
    if (!options.allowPending) {
      if (found.user.mustChangePassword) throw createHttpError('PASSWORD_CHANGE_REQUIRED');
      if (deps.config.requireTotpFor.includes(found.user.role) && !found.user.totpEnabled) throw createHttpError('TOTP_ENROLMENT_REQUIRED');
    }
    res.locals.staff = found satisfies StaffContext;
    next();
  };
}

/** SHA-256 of a session token, as stored in the sessions table. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function isSameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

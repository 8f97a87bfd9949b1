import type { Request } from 'express';
import type { ServerConfig } from '../ServerConfig.ts';

/** Name of the staff session cookie. */
export const SESSION_COOKIE = 'kf_session';
/** The cookie is only sent to the staff API. */
export const SESSION_COOKIE_PATH = '/api/v1/staff';

/** Reads the session token from the Cookie header; undefined when absent. */
export function readSessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === SESSION_COOKIE) {
      const value = part.slice(index + 1).trim();
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * Builds the Set-Cookie value: HttpOnly, SameSite=Strict, path-limited, and Secure when configured or when the
 * request came over https (COOKIE_SECURE=auto). `maxAgeSeconds` 0 deletes the cookie.
 */
export function buildSessionCookie(req: Request, config: ServerConfig, token: string, maxAgeSeconds: number): string {
  const secure = config.cookieSecure === 'auto' ? req.secure : config.cookieSecure;
  return [
    `${SESSION_COOKIE}=${token}`,
    `Path=${SESSION_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

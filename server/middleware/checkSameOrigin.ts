import type { RequestHandler } from 'express';
import { createHttpError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence in depth for state-changing staff requests: a browser request whose Origin is not this server's own
 * origin, or that says Sec-Fetch-Site: cross-site, is refused (403 CSRF_FAILED). Non-browser clients send neither
 * header and pass; they still need the X-CSRF-Token of their session (requireStaff).
 */
export function checkSameOrigin(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.get('sec-fetch-site') === 'cross-site') throw createHttpError('CSRF_FAILED');
    const origin = req.get('origin');
    if (origin !== undefined && origin !== `${req.protocol}://${req.get('host')}`) throw createHttpError('CSRF_FAILED');
    next();
  };
}

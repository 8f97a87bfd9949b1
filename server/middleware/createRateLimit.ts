import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { createHttpError } from '../errors.ts';

/**
 * A per-client-IP rate limit answering 429 RATE_LIMITED (standard RateLimit headers). With `failuresOnly`, only
 * answers of 400 and above count (sign-in: an office's successful logins never lock its shared IP out).
 */
export function createRateLimit(limit: number, windowMs: number, options: { failuresOnly?: boolean } = {}): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: options.failuresOnly ?? false,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(createHttpError('RATE_LIMITED')),
  });
}

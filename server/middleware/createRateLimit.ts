import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { createHttpError } from '../errors.ts';

/** A per-client-IP rate limit answering 429 RATE_LIMITED (standard RateLimit headers). */
export function createRateLimit(limit: number, windowMs: number): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(createHttpError('RATE_LIMITED')),
  });
}

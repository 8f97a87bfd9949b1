import { createHmac } from 'node:crypto';
import { rateLimit, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { RateLimitRepository } from '../storage/RateLimitRepository.ts';
import type { CountHit } from './createClientRateLimiter.ts';

/**
 * A per-client-IP rate limit answering 429 RATE_LIMITED (standard RateLimit headers). With `failuresOnly`, only
 * answers of 400 and above count (sign-in: an office's successful logins never lock its shared IP out).
 * The counters live in the database (storage.rateLimits), so several server processes count together; `name`
 * separates the limiters (two limiters with the same name would share their counters).
 */
export function createRateLimit(
  deps: Pick<AppDeps, 'storage' | 'statusCodeKey'>,
  name: string,
  limit: number,
  windowMs: number,
  options: { failuresOnly?: boolean } = {},
): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: options.failuresOnly ?? false,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore(deps.storage.rateLimits, name, deps.statusCodeKey),
    handler: (_req, _res, next) => next(createHttpError('RATE_LIMITED')),
  });
}

/**
 * express-rate-limit's store on the RateLimitRepository. The client's address never reaches the database: the key is
 * an HMAC of limiter name and address under the installation's status-code key (the same in every process).
 */
export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;

  constructor(
    private readonly counters: RateLimitRepository,
    name: string,
    private readonly secret: Buffer,
  ) {
    this.prefix = `${name}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<IncrementResponse | undefined> {
    const hits = await this.counters.get(this.hash(key), new Date());
    return hits ? { totalHits: hits.hits, resetTime: new Date(hits.resetAt) } : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const hits = await this.counters.increment(this.hash(key), this.windowMs, new Date());
    return { totalHits: hits.hits, resetTime: new Date(hits.resetAt) };
  }

  async decrement(key: string): Promise<void> {
    await this.counters.decrement(this.hash(key), new Date());
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.hash(key));
  }

  private hash(key: string): string {
    return hashRateLimitKey(this.secret, this.prefix, key);
  }
}

/** A hit counter for createClientRateLimiter on the database (the same keys as DatabaseRateLimitStore's). */
export function createDatabaseHitCounter(deps: Pick<AppDeps, 'storage' | 'statusCodeKey'>, name: string): CountHit {
  const prefix = `${name}:`;
  return async (key, windowMs, now) => {
    const hits = await deps.storage.rateLimits.increment(hashRateLimitKey(deps.statusCodeKey, prefix, key), windowMs, new Date(now));
    return { hits: hits.hits, resetAt: Date.parse(hits.resetAt) };
  };
}

function hashRateLimitKey(secret: Buffer, prefix: string, key: string): string {
  return createHmac('sha256', secret).update(`rate-limit\u0000${prefix}${key}`).digest('base64url');
}

/** The hits of one client key in its current fixed window. */
export interface RateLimitHits {
  hits: number;
  /** ISO time at which the window ends and the count starts again. */
  resetAt: string;
}

/**
 * Rate-limit counters shared by every server process on one database (express-rate-limit's store keeps them here
 * instead of in process memory). Keys are opaque (the middleware stores a keyed hash, never a client's address).
 * Windows are fixed: the first hit after a window ended starts a new one of `windowMs`.
 */
export interface RateLimitRepository {
  /** Counts one hit of `key` at `now` and returns the count of its window (1 when a new window began). */
  increment(key: string, windowMs: number, now: Date): Promise<RateLimitHits>;
  /** Takes one hit back (a request that should not have counted); nothing when the window ended or has no hits. */
  decrement(key: string, now: Date): Promise<void>;
  /** The hits of `key`'s current window, or undefined when it has none running. */
  get(key: string, now: Date): Promise<RateLimitHits | undefined>;
  /** Forgets `key`'s hits. */
  reset(key: string): Promise<void>;
  /** Deletes windows that ended at or before `now` (ISO); returns how many. */
  forgetExpired(now: string): Promise<number>;
}

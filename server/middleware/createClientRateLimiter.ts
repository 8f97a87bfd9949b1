import { isIPv6 } from 'node:net';
import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { createHttpError } from '../errors.ts';

/**
 * A per-client-IP fixed-window limit for a hot route, usable from Express and from a plain Node response: the same
 * behaviour and headers as createRateLimit (express-rate-limit with draft-7 headers: each client's window starts at
 * its first request; IPv6 clients are counted per /56), at a fraction of the cost per request.
 */
export interface ClientRateLimiter {
  /**
   * Counts a request of the client at `ip` and sets `RateLimit-Policy` and `RateLimit` on the response. Over the
   * limit it also sets `Retry-After` and resolves false (answer 429 RATE_LIMITED). `setHeader` receives the headers.
   */
  take(ip: string | undefined, setHeader: (name: string, value: string) => unknown): Promise<boolean>;
  /** The same as an Express middleware (429 RATE_LIMITED through the error handler). */
  readonly middleware: RequestHandler;
}

export interface ClientHits {
  hits: number;
  /** Epoch ms when the client's window ends. */
  resetAt: number;
}

/** Counts one hit of a client key in its fixed window of `windowMs` and returns the window's count. */
export type CountHit = (key: string, windowMs: number, now: number) => Promise<ClientHits>;

/**
 * Creates the limiter. Without `countHit` the counters live in this process's memory (the embedded SQLite server is
 * one process); several processes on one PostgreSQL database pass a counter backed by the database instead.
 */
export function createClientRateLimiter(limit: number, windowMs: number, countHit: CountHit = createMemoryCounter(windowMs)): ClientRateLimiter {
  const windowSeconds = Math.ceil(windowMs / 1000);
  const policy = `${limit};w=${windowSeconds}`;

  async function take(ip: string | undefined, setHeader: (name: string, value: string) => unknown): Promise<boolean> {
    const address = ip ?? '';
    const key = isIPv6(address) ? ipKeyGenerator(address) : address;
    const now = Date.now();
    const client = await countHit(key, windowMs, now);
    const resetSeconds = Math.max(0, Math.ceil((client.resetAt - now) / 1000));
    setHeader('RateLimit-Policy', policy);
    setHeader('RateLimit', `limit=${limit}, remaining=${Math.max(limit - client.hits, 0)}, reset=${resetSeconds}`);
    if (client.hits <= limit) return true;
    setHeader('Retry-After', String(resetSeconds));
    return false;
  }

  return {
    take,
    middleware: async (req, res, next) => {
      if (await take(req.ip, (name, value) => res.setHeader(name, value))) next();
      else next(createHttpError('RATE_LIMITED'));
    },
  };
}

function createMemoryCounter(windowMs: number): CountHit {
  const clients = new Map<string, ClientHits>();
  // Clients whose window has ended are dropped once per window (a later request starts a new window anyway).
  setInterval(() => {
    const now = Date.now();
    for (const [key, client] of clients) if (client.resetAt <= now) clients.delete(key);
  }, windowMs).unref();
  return async (key, window, now) => {
    let client = clients.get(key);
    if (client === undefined || client.resetAt <= now) {
      client = { hits: 0, resetAt: now + window };
      clients.set(key, client);
    }
    client.hits++;
    return client;
  };
}

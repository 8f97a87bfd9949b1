import type { RateLimitHits, RateLimitRepository } from '../RateLimitRepository.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface Row {
  hits: number;
  reset_at: string;
}

/**
 * Rate-limit counters in table rate_limits (migration 110), shared by every process on the database: each hit is one
 * atomic upsert (the row lock of ON CONFLICT DO UPDATE serialises concurrent hits of one key).
 */
export class PostgresRateLimitRepository implements RateLimitRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async increment(key: string, windowMs: number, now: Date): Promise<RateLimitHits> {
    const at = now.toISOString();
    const resetAt = new Date(now.getTime() + windowMs).toISOString();
    const row = await this.db.get<Row>(
      `INSERT INTO rate_limits (key, hits, reset_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.reset_at <= ? THEN 1 ELSE rate_limits.hits + 1 END,
         reset_at = CASE WHEN rate_limits.reset_at <= ? THEN excluded.reset_at ELSE rate_limits.reset_at END
       RETURNING hits, reset_at`,
      [key, resetAt, at, at],
    );
    return { hits: row!.hits, resetAt: row!.reset_at };
  }

  async decrement(key: string, now: Date): Promise<void> {
    await this.db.run('UPDATE rate_limits SET hits = hits - 1 WHERE key = ? AND hits > 0 AND reset_at > ?', [key, now.toISOString()]);
  }

  async get(key: string, now: Date): Promise<RateLimitHits | undefined> {
    const row = await this.db.get<Row>('SELECT hits, reset_at FROM rate_limits WHERE key = ? AND reset_at > ?', [key, now.toISOString()]);
    return row ? { hits: row.hits, resetAt: row.reset_at } : undefined;
  }

  async reset(key: string): Promise<void> {
    await this.db.run('DELETE FROM rate_limits WHERE key = ?', [key]);
  }

  forgetExpired(now: string): Promise<number> {
    return this.db.run('DELETE FROM rate_limits WHERE reset_at <= ?', [now]);
  }
}

/**
 * Delay before the next attempt after `attempt` failed attempts: exponential (base, 2 × base, 4 × base, ...) with
 * ±20 % jitter, so that deliveries failing together do not retry together, and never more than `max`.
 */
export function computeRetryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.min(maxMs, Math.round(exponential * (0.8 + random() * 0.4)));
}

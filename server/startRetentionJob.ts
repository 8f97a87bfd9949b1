import { randomUUID } from 'node:crypto';
import type { AppDeps } from './AppDeps.ts';
import { runRetention } from './usecases/runRetention.ts';

/** The longest a retention run may hold its lease; a process that died holding it frees it after this. */
const RETENTION_LEASE_MS = 15 * 60_000;

/**
 * Runs the retention job now and then every `config.retentionIntervalMs` (the timer does not keep the process alive).
 * Failures are logged and retried at the next interval. Several server processes on one database take turns: a run
 * starts only with the job's lease (storage.jobLeases), so no two processes erase at the same time.
 * Returns a function that stops the job.
 */
export function startRetentionJob(deps: AppDeps): () => Promise<void> {
  const owner = randomUUID();
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    // Leases are about processes, so they run on the wall clock (deps.now may be a fixed test clock).
    const now = Date.now();
    const leased = await deps.storage.jobLeases.tryAcquire('retention', owner, new Date(now).toISOString(), new Date(now + RETENTION_LEASE_MS).toISOString());
    if (!leased) return;
    try {
      const result = await runRetention(deps);
      if (result.erasedSubmissions + result.expiredSessions + result.forgottenIdempotencyKeys + result.purgedUploads + result.deletedBlobs > 0) deps.logger.info('retention job', { ...result });
    } finally {
      await deps.storage.jobLeases.release('retention', owner);
    }
  };
  const tick = () => {
    running = run().catch((error: unknown) => deps.logger.error('retention job failed', { error: error instanceof Error ? error.message : String(error) }));
  };
  tick();
  const timer = setInterval(tick, deps.config.retentionIntervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

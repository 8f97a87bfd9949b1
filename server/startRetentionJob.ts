import type { AppDeps } from './AppDeps.ts';
import { runRetention } from './usecases/runRetention.ts';

/**
 * Runs the retention job now and then every `config.retentionIntervalMs` (the timer does not keep the process alive).
 * Failures are logged and retried at the next interval. Returns a function that stops the job.
 */
export function startRetentionJob(deps: AppDeps): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runRetention(deps).then(
      (result) => {
        if (result.erasedSubmissions + result.expiredSessions + result.forgottenIdempotencyKeys + result.purgedUploads + result.deletedBlobs > 0) deps.logger.info('retention job', { ...result });
      },
      (error: unknown) => deps.logger.error('retention job failed', { error: error instanceof Error ? error.message : String(error) }),
    );
  };
  tick();
  const timer = setInterval(tick, deps.config.retentionIntervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

import { isParticipantSlug, isVersionPolicy } from '../../engine/index.ts';
import type { Logger } from '../Logger.ts';
import type { Storage } from '../storage/Storage.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Seeds enablements (server/seed/enablements.json: `[{tenant, service, versionPolicy, agreedOn, enabled?}]`).
 * Existing enablements are never overwritten, so a participant's own later decision survives restarts. Malformed
 * entries are logged and skipped. Returns the number inserted.
 */
export async function seedEnablements(storage: Storage, logger: Logger, entries: unknown, now: Date): Promise<number> {
  if (!Array.isArray(entries)) {
    logger.error('enablement seed is not an array; nothing seeded');
    return 0;
  }
  const valid = [];
  for (const [index, entry] of entries.entries()) {
    const e = (entry ?? {}) as Record<string, unknown>;
    if (!isParticipantSlug(e.tenant) || typeof e.service !== 'string' || !SLUG.test(e.service) || !isVersionPolicy(e.versionPolicy) || typeof e.agreedOn !== 'string' || !DAY.test(e.agreedOn) || (e.enabled !== undefined && typeof e.enabled !== 'boolean')) {
      logger.warn('skipping malformed enablement seed entry', { index });
      continue;
    }
    valid.push({
      tenant: e.tenant,
      service: e.service,
      enabled: e.enabled !== false,
      versionPolicy: e.versionPolicy,
      agreedOn: e.agreedOn,
      changedBy: 'seed',
      changedAt: now.toISOString(),
    });
  }
  return storage.enablements.seed(valid);
}

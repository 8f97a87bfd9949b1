import { resolveServedVersion, type Participant } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { PublishedFormVersion } from '../storage/FormVersionRepository.ts';

export interface ServedService {
  participant: Participant;
  formVersion: PublishedFormVersion;
}

/**
 * The version of `service` that `tenant` serves now: 404 TENANT_NOT_FOUND for an unknown participant and
 * 404 SERVICE_NOT_FOUND when the participant does not offer it (unknown, disabled, or no version matches its policy;
 * the last is a configuration problem and is logged).
 */
export async function resolveServedService(deps: AppDeps, tenant: string, service: string): Promise<ServedService> {
  const participant = await deps.storage.participants.get(tenant);
  if (!participant) throw createHttpError('TENANT_NOT_FOUND');
  const enablement = await deps.storage.enablements.get(tenant, service);
  const served = resolveServedVersion(enablement, enablement ? await deps.storage.formVersions.listVersions(service) : []);
  if (!served.ok) {
    if (served.reason === 'no-matching-version') deps.logger.warn('enabled service has no matching version', { tenant, service, reason: served.message });
    throw createHttpError('SERVICE_NOT_FOUND');
  }
  const formVersion = await deps.storage.formVersions.get(service, served.version);
  if (!formVersion) throw createHttpError('SERVICE_NOT_FOUND');
  return { participant, formVersion };
}

import { resolveServedVersion } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { StoredEnablement } from '../storage/EnablementRepository.ts';

/** A participant's view of one service: published versions, its enablement (null when never enabled), served version. */
export interface ServiceEnablement {
  service: string;
  title: string;
  publishedVersions: string[];
  enablement: Omit<StoredEnablement, 'tenant' | 'service'> | null;
  servedVersion: string | null;
}

/** The enablement of a published service for a tenant; 404 SERVICE_NOT_FOUND for a service with no published version. */
export async function getServiceEnablement(deps: AppDeps, tenant: string, service: string): Promise<ServiceEnablement> {
  const publishedVersions = await deps.storage.formVersions.listVersions(service);
  if (publishedVersions.length === 0) throw createHttpError('SERVICE_NOT_FOUND');
  const enablement = await deps.storage.enablements.get(tenant, service);
  const served = resolveServedVersion(enablement, publishedVersions);
  const servedVersion = served.ok ? served.version : null;
  const sortedVersions = [...publishedVersions].sort(compareVersions);
  const newest = sortedVersions.at(-1)!;
  const definition = (await deps.storage.formVersions.get(service, servedVersion ?? newest))!.definition;
  return {
    service,
    title: definition.title,
    publishedVersions: sortedVersions,
    enablement: enablement
      ? { enabled: enablement.enabled, versionPolicy: enablement.versionPolicy, agreedOn: enablement.agreedOn, changedBy: enablement.changedBy, changedAt: enablement.changedAt }
      : null,
    servedVersion,
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

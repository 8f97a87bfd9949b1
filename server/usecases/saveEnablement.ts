import { isIsoDate, isVersionPolicy, resolveServedVersion } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError, type ErrorDetail } from '../errors.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { getEnableChecklist } from './getEnableChecklist.ts';
import { getServiceEnablement, type ServiceEnablement } from './getServiceEnablement.ts';

/**
 * Sets whether the user's participant offers a service, under which version policy and since which agreement date.
 * Reads only `enabled`, `versionPolicy` and `agreedOn` from the body (anything else, e.g. a tenant, is ignored).
 * 422 INVALID_ENABLEMENT with German details for malformed fields; 422 VERSION_POLICY_UNSATISFIABLE when no
 * published version matches the policy; 422 ENABLE_CHECKLIST_INCOMPLETE (German message and one detail per missing
 * point) when switching on while legal pages or required local details are missing. Records an audit event with the previous and new values.
 */
export async function saveEnablement(deps: AppDeps, user: StaffUser, service: string, body: unknown): Promise<ServiceEnablement> {
  const current = await getServiceEnablement(deps, user.tenant, service);
  const { enabled, versionPolicy, agreedOn } = (body ?? {}) as Record<string, unknown>;
  const problems: ErrorDetail[] = [];
  if (typeof enabled !== 'boolean') problems.push({ pointer: '/enabled', message: 'Bitte angeben, ob die Leistung angeboten wird (true oder false).' });
  if (!isVersionPolicy(versionPolicy)) problems.push({ pointer: '/versionPolicy', message: 'Bitte eine Version wie "1.2.0" oder eine Hauptversion wie "^1" angeben.' });
  if (typeof agreedOn !== 'string' || !isIsoDate(agreedOn)) problems.push({ pointer: '/agreedOn', message: 'Bitte das Datum der Vereinbarung im Format JJJJ-MM-TT angeben.' });
  if (problems.length > 0) throw createHttpError('INVALID_ENABLEMENT', problems);
  const next = { tenant: user.tenant, service, enabled: enabled as boolean, versionPolicy: versionPolicy as string, agreedOn: agreedOn as string };
  const served = resolveServedVersion({ ...next, enabled: true }, current.publishedVersions);
  if (!served.ok) {
    throw createHttpError('VERSION_POLICY_UNSATISFIABLE', [
      { pointer: '/versionPolicy', message: `Keine veröffentlichte Version passt zu "${next.versionPolicy}". Veröffentlicht: ${current.publishedVersions.join(', ')}.` },
    ]);
  }
  if (next.enabled) {
    const formVersion = await deps.storage.formVersions.get(service, served.version);
    const checklist = formVersion ? await getEnableChecklist(deps.storage, user.tenant, service, formVersion.definition) : undefined;
    if (checklist && !checklist.complete) {
      const missing = checklist.items.filter((item) => !item.done);
      throw createHttpError(
        'ENABLE_CHECKLIST_INCOMPLETE',
        missing.map((item) => ({ pointer: `/checklist/${item.key}`, message: `Fehlt noch: ${item.label}.` })),
        `Die Leistung kann erst angeboten werden, wenn die Checkliste vollständig ist. Es fehlt: ${missing.map((item) => item.label).join('; ')}.`,
      );
    }
  }
  await deps.storage.enablements.save(
    { ...next, changedBy: user.id, changedAt: deps.now().toISOString() },
    {
      tenant: user.tenant,
      actor: user.id,
      action: 'enablement.changed',
      subject: service,
      details: {
        previous: current.enablement && { enabled: current.enablement.enabled, versionPolicy: current.enablement.versionPolicy, agreedOn: current.enablement.agreedOn },
        next: { enabled: next.enabled, versionPolicy: next.versionPolicy, agreedOn: next.agreedOn },
      },
    },
  );
  return getServiceEnablement(deps, user.tenant, service);
}

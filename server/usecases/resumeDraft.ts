import semver from 'semver';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { carryOverDraftData, getTitleAtPointer } from './carryOverDraftData.ts';
import { hashResumeCode } from './hashResumeCode.ts';
import { resolveServedService } from './resolveServedService.ts';
import type { ResumedDraft } from '../../contract/portalApi.ts';
export type { ResumedDraft } from '../../contract/portalApi.ts';

/**
 * Resumes a draft by its code (sent in the body, never in a URL). Unknown, expired or another participant's code:
 * 404 INVALID_RESUME_CODE, all alike. If the participant now serves a newer version of the same major, the answers
 * are carried over (unknown or now-invalid answers dropped, with their titles); another major: 410 DRAFT_OUTDATED.
 */
export async function resumeDraft(deps: AppDeps, input: { tenant: string; body: unknown }): Promise<ResumedDraft> {
  const body = input.body as { code?: unknown } | null;
  const codeHash = body && typeof body === 'object' ? hashResumeCode(body.code) : undefined;
  const draft = codeHash ? await deps.storage.citizenDrafts.findValid(codeHash, deps.now().toISOString()) : undefined;
  if (!draft || draft.tenant !== input.tenant) throw createHttpError('INVALID_RESUME_CODE');
  const { formVersion } = await resolveServedService(deps, input.tenant, draft.serviceId);
  if (formVersion.version === draft.version) {
    return { service: draft.serviceId, version: draft.version, data: draft.data };
  }
  if (semver.major(formVersion.version) !== semver.major(draft.version)) throw createHttpError('DRAFT_OUTDATED');
  const carried = carryOverDraftData(deps.validator, formVersion.definition, draft.data);
  const previous = await deps.storage.formVersions.get(draft.serviceId, draft.version);
  const titles = carried.dropped.map((pointer) => getTitleAtPointer(previous?.definition.schema ?? formVersion.definition.schema, pointer));
  return {
    service: draft.serviceId,
    version: formVersion.version,
    data: carried.data,
    migratedFrom: draft.version,
    ...(titles.length > 0 ? { droppedFields: [...new Set(titles)] } : {}),
  };
}

import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { createResumeCode } from './createResumeCode.ts';
import { hashResumeCode } from './hashResumeCode.ts';
import { resolveServedService } from './resolveServedService.ts';
import type { SavedDraft } from '../../contract/portalApi.ts';
export type { SavedDraft } from '../../contract/portalApi.ts';

/** Days a saved draft can be resumed. */
export const DRAFT_TTL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Saves a citizen's unfinished answers (no account): pinned to the version the participant serves now, kept
 * DRAFT_TTL_DAYS days, found again only with the returned code. Partial data is fine, but only the form's own
 * properties, types and sizes (createDraftValidator; 422 INVALID_DRAFT otherwise); at most draftsPerParticipant
 * unexpired drafts per participant (429 DRAFT_QUOTA_EXCEEDED); 404 when the participant does not offer the
 * service. Expired drafts are erased on the way.
 */
export async function saveDraft(deps: AppDeps, input: { tenant: string; service: string; body: unknown }): Promise<SavedDraft> {
  const { participant, formVersion } = await resolveServedService(deps, input.tenant, input.service);
  const body = input.body as { data?: unknown } | null;
  if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).some((key) => key !== 'data')) {
    throw createHttpError('INVALID_DRAFT');
  }
  const data = body.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw createHttpError('INVALID_DRAFT');
  const result = deps.draftValidator.validate(formVersion.definition, data);
  if (!result.valid) {
    throw createHttpError(
      'INVALID_DRAFT',
      result.errors.map(({ pointer, message }) => ({ pointer: `/data${pointer}`, message })),
      undefined,
      result.errorCount - result.errors.length,
    );
  }
  const code = createResumeCode();
  const now = deps.now();
  // Expired drafts are personal data without a purpose: each save also erases those (indexed by expires_at).
  await deps.storage.citizenDrafts.deleteExpired(now.toISOString());
  if ((await deps.storage.citizenDrafts.countActive(participant.slug, now.toISOString())) >= deps.config.draftsPerParticipant) {
    throw createHttpError('DRAFT_QUOTA_EXCEEDED');
  }
  const expiresAt = new Date(now.getTime() + DRAFT_TTL_DAYS * DAY_MS).toISOString();
  await deps.storage.citizenDrafts.create({
    codeHash: hashResumeCode(code)!,
    tenant: participant.slug,
    serviceId: formVersion.id,
    version: formVersion.version,
    data: data as Record<string, unknown>,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { code, expiresAt };
}

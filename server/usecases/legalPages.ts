import { checkSafeText } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError, type ErrorDetail } from '../errors.ts';
import type { LegalPages, LegalPagesRepository, StoredLegalPages } from '../storage/LegalPagesRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import type { LegalPagesView } from '../../contract/portalApi.ts';
export type { LegalPagesView } from '../../contract/portalApi.ts';

/** The fields of the legal pages, their German labels and whether a portal needs them. */
export const LEGAL_PAGE_FIELDS: readonly { key: keyof LegalPages; label: string; required: boolean; max: number }[] = [
  { key: 'impressum', label: 'Impressum', required: true, max: 20_000 },
  { key: 'privacyController', label: 'Datenschutz: Verantwortlicher', required: true, max: 5_000 },
  { key: 'privacyOfficer', label: 'Datenschutz: Datenschutzbeauftragte oder Datenschutzbeauftragter', required: true, max: 5_000 },
  { key: 'privacyRights', label: 'Datenschutz: Ihre Rechte', required: true, max: 20_000 },
  { key: 'privacySupervisory', label: 'Datenschutz: Aufsichtsbehörde', required: true, max: 5_000 },
  { key: 'privacyMore', label: 'Datenschutz: weitere Hinweise', required: false, max: 20_000 },
  { key: 'contact', label: 'Kontakt', required: true, max: 10_000 },
];

const EMPTY: LegalPages = { impressum: '', privacyController: '', privacyOfficer: '', privacyRights: '', privacySupervisory: '', privacyMore: '', contact: '' };

/** German labels of the required parts a participant has not written yet (all of them when it has no pages). */
export function listMissingLegalParts(pages: LegalPages | undefined): string[] {
  return LEGAL_PAGE_FIELDS.filter((field) => field.required && !(pages?.[field.key] ?? '').trim()).map((field) => field.label);
}

function toView(stored: StoredLegalPages | undefined): LegalPagesView {
  const { updatedAt = null, updatedBy: _by, ...pages } = stored ?? { ...EMPTY, updatedAt: null, updatedBy: '' };
  return { ...EMPTY, ...pages, missing: listMissingLegalParts(stored), updatedAt };
}

/** Parses the legal pages from a request body: strings in the safe text format; 422 INVALID_LEGAL_PAGES with German details. */
function parseLegalPages(input: unknown): LegalPages {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw createHttpError('INVALID_BODY');
  const record = input as Record<string, unknown>;
  const pages: Record<string, string> = {};
  const errors: ErrorDetail[] = [];
  for (const field of LEGAL_PAGE_FIELDS) {
    const value = record[field.key] ?? '';
    if (typeof value !== 'string' || value.length > field.max) {
      errors.push({ pointer: `/${field.key}`, message: `${field.label}: bitte Text mit höchstens ${field.max.toLocaleString('de-DE')} Zeichen angeben.` });
      continue;
    }
    for (const problem of checkSafeText(value)) errors.push({ pointer: `/${field.key}`, message: `${field.label}: ${problem.message}` });
    pages[field.key] = value.trim();
  }
  if (errors.length > 0) throw createHttpError('INVALID_LEGAL_PAGES', errors);
  return pages as unknown as LegalPages;
}

/** The legal pages of the user's own participant (any staff role may read them). */
export async function getOwnLegalPages(deps: AppDeps, user: StaffUser): Promise<LegalPagesView> {
  return toView(await deps.storage.legalPages.get(user.tenant));
}

/** Saves the legal pages of the user's participant (its admin only); records an audit event without the texts. */
export async function putOwnLegalPages(deps: AppDeps, user: StaffUser, body: unknown): Promise<LegalPagesView> {
  if (user.role !== 'admin') throw createHttpError('FORBIDDEN');
  const pages = parseLegalPages(body);
  await deps.storage.legalPages.put(user.tenant, pages, deps.now().toISOString(), user.id);
  await deps.storage.audit.append({ tenant: user.tenant, actor: user.id, action: 'legal_pages.changed', subject: null, details: { missing: listMissingLegalParts(pages).length } });
  return getOwnLegalPages(deps, user);
}

/** The legal pages a portal shows (404 TENANT_NOT_FOUND for an unknown participant). */
export async function getPublicLegalPages(deps: AppDeps, tenant: string): Promise<LegalPagesView> {
  const participant = await deps.storage.participants.get(tenant);
  if (!participant) throw createHttpError('TENANT_NOT_FOUND');
  return toView(await deps.storage.legalPages.get(participant.slug));
}

/** Seeds legal pages for participants that have none yet. */
export function seedLegalPages(repository: LegalPagesRepository, entries: readonly { tenant: string; pages: LegalPages }[], now: Date): Promise<number> {
  return repository.seed(entries, now.toISOString());
}

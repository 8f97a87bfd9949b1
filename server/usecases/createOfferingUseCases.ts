import semver from 'semver';
import { diffDefinitions, resolveServedVersion, type DefinitionChange, type FormDefinition } from '../../engine/index.ts';
import { createHttpError } from '../errors.ts';
import type { LegalPagesRepository } from '../storage/LegalPagesRepository.ts';
import type { LocalDetails, LocalDetailsRepository } from '../storage/LocalDetailsRepository.ts';
import type { Storage } from '../storage/Storage.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { getEnableChecklist } from './getEnableChecklist.ts';
import type { CatalogueVersion, CatalogueEntry } from '../../contract/staffApi.ts';
export type { CatalogueVersion, CatalogueEntry } from '../../contract/staffApi.ts';

export interface OfferingDeps {
  storage: Pick<Storage, 'formVersions' | 'enablements' | 'audit'> & { localDetails: LocalDetailsRepository; legalPages: LegalPagesRepository };
  now: () => Date;
}

const LOCAL_FIELDS: readonly { key: Exclude<keyof LocalDetails, 'feeAmounts'>; max: number; email?: boolean; label: string }[] = [
  { key: 'office', max: 200, label: 'Zuständige Stelle' },
  { key: 'contact', max: 200, label: 'Ansprechperson' },
  { key: 'phone', max: 40, label: 'Telefon' },
  { key: 'email', max: 254, email: true, label: 'E-Mail' },
  { key: 'notificationEmail', max: 254, email: true, label: 'Benachrichtigungs-E-Mail' },
  { key: 'openingHours', max: 1000, label: 'Öffnungszeiten' },
  { key: 'address', max: 500, label: 'Anschrift' },
];
const FEE_KEY = /^[a-z][a-z0-9-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws FORBIDDEN unless the user manages its participant's offering (roles 'admin' and 'staff'). */
function assertOfferingManager(user: StaffUser): void {
  if (user.role !== 'admin' && user.role !== 'staff') throw createHttpError('FORBIDDEN');
}

/** Parses local details from a request body; 422 with German messages per field when invalid. */
function parseLocalDetails(input: unknown): LocalDetails {
  if (!isRecord(input)) throw createHttpError('INVALID_BODY');
  const details: Record<string, string> = {};
  const errors: { pointer: string; message: string }[] = [];
  for (const field of LOCAL_FIELDS) {
    const value = input[field.key] ?? '';
    if (typeof value !== 'string' || value.length > field.max) {
      errors.push({ pointer: `/${field.key}`, message: `${field.label}: höchstens ${field.max} Zeichen Text.` });
      continue;
    }
    const trimmed = value.trim();
    if (field.email && trimmed && !EMAIL.test(trimmed)) {
      errors.push({ pointer: `/${field.key}`, message: `${field.label}: bitte eine gültige E-Mail-Adresse angeben.` });
    }
    details[field.key] = trimmed;
  }
  const feeAmounts: Record<string, string> = {};
  const fees = input.feeAmounts ?? {};
  if (!isRecord(fees) || Object.keys(fees).length > 20) {
    errors.push({ pointer: '/feeAmounts', message: 'Gebühren vor Ort: höchstens 20 Beträge als Text.' });
  } else {
    for (const [key, value] of Object.entries(fees)) {
      if (!FEE_KEY.test(key) || key.length > 40 || typeof value !== 'string' || value.length > 200) {
        errors.push({ pointer: `/feeAmounts/${key}`, message: 'Gebühr vor Ort: höchstens 200 Zeichen Text, z. B. „30,00 Euro“.' });
      } else if (value.trim()) {
        feeAmounts[key] = value.trim();
      }
    }
  }
  if (errors.length > 0) throw createHttpError('INVALID_LOCAL_DETAILS', errors);
  return { ...details, feeAmounts } as unknown as LocalDetails;
}

/**
 * The offering use cases for a participant's staff: the catalogue of all published services (lead, versions,
 * changelog, who offers it, the own enablement, a notice of a newer major version) and the participant's local
 * details per service, which its portal shows on the service page.
 */
export function createOfferingUseCases(deps: OfferingDeps) {
  const { storage } = deps;

  async function loadVersions(id: string): Promise<{ version: string; definition: FormDefinition; publishedAt: string }[]> {
    const versions = (await storage.formVersions.listVersions(id)).filter((version) => semver.valid(version)).sort(semver.rcompare);
    const loaded = await Promise.all(versions.map((version) => storage.formVersions.get(id, version)));
    return loaded.flatMap((entry) => (entry ? [{ version: entry.version, definition: entry.definition, publishedAt: entry.publishedAt }] : []));
  }

  async function buildEntry(user: StaffUser, id: string, enablements: Awaited<ReturnType<Storage['enablements']['listAll']>>): Promise<CatalogueEntry | undefined> {
    const published = await loadVersions(id);
    const latest = published[0];
    if (!latest) return undefined;
    const numbers = published.map((entry) => entry.version);
    const ofService = enablements.filter((enablement) => enablement.service === id);
    const own = ofService.find((enablement) => enablement.tenant === user.tenant);
    const served = own ? resolveServedVersion(own, numbers) : undefined;
    const servedVersion = served?.ok ? served.version : null;
    let newerMajor: CatalogueVersion | null = null;
    if (own?.enabled && servedVersion && semver.major(latest.version) > semver.major(servedVersion)) {
      newerMajor = { version: latest.version, publishedAt: latest.publishedAt, changelog: latest.definition.changelog };
    }
    const checklistDefinition = published.find((entry) => entry.version === servedVersion)?.definition ?? latest.definition;
    return {
      id,
      title: latest.definition.title,
      description: latest.definition.description,
      category: latest.definition.category ?? null,
      lead: latest.definition.lead,
      latestVersion: latest.version,
      versions: published.map((entry) => ({ version: entry.version, publishedAt: entry.publishedAt, changelog: entry.definition.changelog })),
      offeredBy: ofService.filter((enablement) => resolveServedVersion(enablement, numbers).ok).map((enablement) => enablement.tenant).sort(),
      own: own ? { enabled: own.enabled, versionPolicy: own.versionPolicy, agreedOn: own.agreedOn, servedVersion } : null,
      newerMajor,
      local: (await storage.localDetails.get(user.tenant, id)) ?? null,
      fees: (checklistDefinition.serviceInfo?.fees ?? []).map((fee) => ({ key: fee.key, label: fee.label, amount: fee.amount ?? null })),
      checklist: await getEnableChecklist(storage, user.tenant, id, checklistDefinition),
    };
  }

  return {
    /** Every published service as the user's participant sees it in its catalogue. */
    async getCatalogue(user: StaffUser): Promise<CatalogueEntry[]> {
      const enablements = await storage.enablements.listAll();
      const ids = await storage.formVersions.listServiceIds();
      const entries = await Promise.all(ids.map((id) => buildEntry(user, id, enablements)));
      return entries.filter((entry): entry is CatalogueEntry => entry !== undefined).sort((a, b) => a.title.localeCompare(b.title, 'de'));
    },

    /** One catalogue entry; with a newer major version, also the changes from the served version to it. */
    async getCatalogueEntry(user: StaffUser, id: string): Promise<CatalogueEntry & { newerMajorChanges: DefinitionChange[] }> {
      const entry = await buildEntry(user, id, await storage.enablements.listAll());
      if (!entry) throw createHttpError('NOT_FOUND');
      let newerMajorChanges: DefinitionChange[] = [];
      if (entry.newerMajor && entry.own?.servedVersion) {
        const [from, to] = await Promise.all([
          storage.formVersions.get(id, entry.own.servedVersion),
          storage.formVersions.get(id, entry.newerMajor.version),
        ]);
        if (from && to) newerMajorChanges = diffDefinitions(from.definition, to.definition);
      }
      return { ...entry, newerMajorChanges };
    },

    /** Saves the participant's local details for a published service. */
    async putLocalDetails(user: StaffUser, id: string, input: unknown): Promise<LocalDetails> {
      assertOfferingManager(user);
      if ((await storage.formVersions.listVersions(id)).length === 0) throw createHttpError('NOT_FOUND');
      const details = parseLocalDetails(input);
      await storage.localDetails.put(user.tenant, id, details, deps.now().toISOString(), user.id);
      await storage.audit.append({ tenant: user.tenant, actor: user.id, action: 'local_details.changed', subject: id });
      return details;
    },
  };
}

export type OfferingUseCases = ReturnType<typeof createOfferingUseCases>;

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isParticipantSlug } from '../../engine/index.ts';
import type { Logger } from '../Logger.ts';
import type { LegalPages } from '../storage/LegalPagesRepository.ts';
import type { LocalDetails } from '../storage/LocalDetailsRepository.ts';
import type { Storage } from '../storage/Storage.ts';
import { LEGAL_PAGE_FIELDS } from './legalPages.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readParticipants(file: string): Promise<Record<string, unknown>> {
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (!isRecord(parsed) || !isRecord(parsed.participants)) throw new Error(`${file}: expected { participants: { <slug>: … } }`);
  return parsed.participants;
}

/**
 * Seeds the demo participants' legal pages (`seedDir/legal-pages.json`) and local details (`seedDir/local-details.json`,
 * applied to every service the participant has an enablement for; the office is named after the definition's
 * contactRole). Existing pages and details are never overwritten. Returns the numbers inserted.
 */
export async function seedLegalAndLocalDetails(storage: Storage, logger: Logger, seedDir: string, now: Date): Promise<{ legalPages: number; localDetails: number }> {
  const legalEntries: { tenant: string; pages: LegalPages }[] = [];
  for (const [tenant, value] of Object.entries(await readParticipants(join(seedDir, 'legal-pages.json')))) {
    if (!isParticipantSlug(tenant) || !isRecord(value)) {
      logger.warn('skipping malformed legal pages seed entry', { tenant });
      continue;
    }
    const pages = Object.fromEntries(LEGAL_PAGE_FIELDS.map((field) => [field.key, typeof value[field.key] === 'string' ? value[field.key] : '']));
    legalEntries.push({ tenant, pages: pages as unknown as LegalPages });
  }
  const localEntries: { tenant: string; serviceId: string; details: LocalDetails }[] = [];
  const locals = await readParticipants(join(seedDir, 'local-details.json'));
  for (const [tenant, value] of Object.entries(locals)) {
    if (!isParticipantSlug(tenant) || !isRecord(value)) {
      logger.warn('skipping malformed local details seed entry', { tenant });
      continue;
    }
    const participant = await storage.participants.get(tenant);
    const text = (key: string): string => (typeof value[key] === 'string' ? (value[key] as string) : '');
    const feeAmounts = isRecord(value.feeAmounts) ? (value.feeAmounts as Record<string, string>) : {};
    for (const enablement of await storage.enablements.listByTenant(tenant)) {
      const versions = await storage.formVersions.listVersions(enablement.service);
      const latest = versions.length > 0 ? await storage.formVersions.get(enablement.service, versions.sort(compareVersions).at(-1)!) : undefined;
      const role = latest?.definition.serviceInfo?.contactRole;
      localEntries.push({
        tenant,
        serviceId: enablement.service,
        details: {
          office: role && participant ? `${participant.name}, ${role}` : text('office'),
          contact: text('contact'),
          phone: text('phone'),
          email: text('email'),
          notificationEmail: text('notificationEmail'),
          openingHours: text('openingHours'),
          address: text('address'),
          feeAmounts: Object.fromEntries(
            (latest?.definition.serviceInfo?.fees ?? []).filter((fee) => fee.amount === undefined).map((fee) => [fee.key, feeAmounts[fee.key] ?? 'nach der örtlichen Gebührensatzung']),
          ),
        },
      });
    }
  }
  const iso = now.toISOString();
  return { legalPages: await storage.legalPages.seed(legalEntries, iso), localDetails: await storage.localDetails.seed(localEntries, iso) };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

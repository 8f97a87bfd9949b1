import type { FormDefinition } from '../../engine/index.ts';
import type { LocalDetails } from '../storage/LocalDetailsRepository.ts';
import type { Storage } from '../storage/Storage.ts';
import { listMissingLegalParts } from './legalPages.ts';
import type { ChecklistItem, EnableChecklist } from '../../contract/staffApi.ts';
export type { ChecklistItem, EnableChecklist } from '../../contract/staffApi.ts';

const LOCAL_ITEMS: readonly { key: keyof LocalDetails & string; label: string }[] = [
  { key: 'office', label: 'Zuständige Stelle' },
  { key: 'address', label: 'Anschrift der zuständigen Stelle' },
  { key: 'openingHours', label: 'Öffnungszeiten' },
  { key: 'phone', label: 'Telefon' },
  { key: 'email', label: 'E-Mail-Adresse' },
];

/**
 * The enable checklist of a service for a participant: its legal pages (Impressum, Datenschutzerklärung, contact),
 * the required local details of the service, and a local amount for every fee the definition leaves to the
 * participant (a fee without `amount`).
 */
export async function getEnableChecklist(
  storage: Pick<Storage, 'legalPages' | 'localDetails'>,
  tenant: string,
  serviceId: string,
  definition: FormDefinition,
): Promise<EnableChecklist> {
  const [pages, local] = await Promise.all([storage.legalPages.get(tenant), storage.localDetails.get(tenant, serviceId)]);
  const missingLegal = new Set(listMissingLegalParts(pages));
  const items: ChecklistItem[] = [
    { key: 'legal.impressum', label: 'Impressum des Portals', done: !missingLegal.has('Impressum') },
    {
      key: 'legal.privacy',
      label: 'Datenschutzerklärung des Portals (Verantwortlicher, Datenschutzbeauftragte, Rechte, Aufsichtsbehörde)',
      done: ![...missingLegal].some((label) => label.startsWith('Datenschutz')),
    },
    { key: 'legal.contact', label: 'Kontaktseite des Portals', done: !missingLegal.has('Kontakt') },
    ...LOCAL_ITEMS.map((item) => ({ key: `local.${item.key}`, label: item.label, done: Boolean(String(local?.[item.key] ?? '').trim()) })),
    ...(definition.serviceInfo?.fees ?? [])
      .filter((fee) => fee.amount === undefined)
      .map((fee) => ({ key: `fee.${fee.key}`, label: `Gebühr vor Ort: ${fee.label}`, done: Boolean(local?.feeAmounts[fee.key]?.trim()) })),
  ];
  return { complete: items.every((item) => item.done), items };
}

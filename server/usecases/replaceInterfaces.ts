import { isIsoDate } from '../../engine/index.ts';
import { createHttpError, type ErrorDetail } from '../errors.ts';
import type { InterfaceKind, ParticipantInterface } from '../storage/AgreementRepository.ts';
import type { Storage } from '../storage/Storage.ts';

export const INTERFACE_KINDS: readonly InterfaceKind[] = ['fit-connect', 'xta', 'email', 'custom'];
const MAX_INTERFACES = 50;
const MAX_NAME_LENGTH = 200;

/**
 * Replaces the list of back-office interfaces a participant commissioned and pays itself (§ 2 (1)):
 * `[{ name, kind: 'fit-connect'|'xta'|'email'|'custom', since: 'YYYY-MM-DD' }]`. Audited.
 */
export async function replaceInterfaces(
  storage: Storage,
  tenant: string,
  input: unknown,
  actor: string,
): Promise<ParticipantInterface[]> {
  const problems: ErrorDetail[] = [];
  if (!Array.isArray(input)) problems.push({ pointer: '/interfaces', message: 'interfaces must be an array' });
  else if (input.length > MAX_INTERFACES) problems.push({ pointer: '/interfaces', message: `at most ${MAX_INTERFACES} interfaces` });
  const interfaces: ParticipantInterface[] = [];
  if (problems.length === 0) {
    (input as unknown[]).forEach((entry, index) => {
      const at = `/interfaces/${index}`;
      const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      const name = typeof record.name === 'string' ? record.name.trim() : '';
      if (name === '' || name.length > MAX_NAME_LENGTH) problems.push({ pointer: `${at}/name`, message: `name must be 1 to ${MAX_NAME_LENGTH} characters` });
      if (!INTERFACE_KINDS.includes(record.kind as InterfaceKind)) {
        problems.push({ pointer: `${at}/kind`, message: `kind must be one of ${INTERFACE_KINDS.join(', ')}` });
      }
      if (typeof record.since !== 'string' || !isIsoDate(record.since)) problems.push({ pointer: `${at}/since`, message: 'since must be a real date YYYY-MM-DD' });
      interfaces.push({ name, kind: record.kind as InterfaceKind, since: record.since as string });
    });
  }
  if (problems.length > 0) throw createHttpError('INVALID_INTERFACES', problems);
  await storage.agreement.replaceInterfaces(tenant, interfaces, actor, {
    tenant,
    actor,
    action: 'agreement.interfaces_changed',
    subject: tenant,
    details: { count: interfaces.length },
  });
  return storage.agreement.listInterfaces(tenant);
}

import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../AppDeps.ts';
import { DeliveryError } from '../delivery/DeliveryError.ts';
import { checkOutboundUrl } from '../delivery/requestOutbound.ts';
import { readFitConnectConfig } from '../delivery/sendFitConnect.ts';
import { createHttpError, type ErrorDetail } from '../errors.ts';
import type { DeliveryChannel } from '../storage/DeliveryChannelRepository.ts';
import { DELIVERY_KINDS, type DeliveryKind } from '../storage/OutboxRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

const EMAIL = /^[^\s@<>",;]{1,64}@[^\s@<>",;]{1,253}$/;
const CONFIG_KEYS: Record<DeliveryKind, readonly string[]> = {
  citizen_receipt: [],
  citizen_status: [],
  staff_notice: ['address'],
  webhook: ['url'],
  fitconnect: ['tokenUrl', 'submissionApiUrl', 'destinationId', 'clientId', 'scope'],
};
const NEEDS_SECRET: readonly DeliveryKind[] = ['webhook', 'fitconnect'];

/** The participant's channels (secrets never included: only `hasSecret`). */
export function listDeliveryChannels(deps: AppDeps, user: StaffUser): Promise<DeliveryChannel[]> {
  return deps.storage.deliveryChannels.list(user.tenant);
}

/**
 * Creates (id undefined) or replaces a channel of the admin's participant, audited ('delivery_channel.created' /
 * '.updated' with kind, service, enabled and whether the secret changed; never the secret or the settings). The
 * body is `{ kind, service?, enabled?, config?, secret? }`; a secret is write-only: omitted on update it is kept.
 * Webhook and FIT-Connect targets must be https (private ranges only with OUTBOUND_ALLOW_PRIVATE).
 */
export async function saveDeliveryChannel(deps: AppDeps, user: StaffUser, id: string | undefined, body: unknown): Promise<DeliveryChannel> {
  const existing = id === undefined ? undefined : await deps.storage.deliveryChannels.get(user.tenant, id);
  if (id !== undefined && !existing) throw createHttpError('DELIVERY_CHANNEL_NOT_FOUND');
  const input = await readChannelBody(deps, body, existing);
  const channelId = id ?? randomUUID();
  const outcome = await deps.storage.deliveryChannels.save(
    { id: channelId, tenant: user.tenant, ...input },
    deps.now().toISOString(),
    user.id,
    {
      tenant: user.tenant,
      actor: user.id,
      action: existing ? 'delivery_channel.updated' : 'delivery_channel.created',
      subject: channelId,
      details: { kind: input.kind, service: input.service, enabled: input.enabled, secretChanged: input.secret !== undefined },
    },
  );
  if (outcome === 'conflict') throw createHttpError('DELIVERY_CHANNEL_EXISTS');
  return (await deps.storage.deliveryChannels.get(user.tenant, channelId))!;
}

/** Deletes a channel of the admin's participant (audited); its pending deliveries are dead-lettered by the relay. */
export async function deleteDeliveryChannel(deps: AppDeps, user: StaffUser, id: string): Promise<void> {
  const channel = await deps.storage.deliveryChannels.get(user.tenant, id);
  if (!channel) throw createHttpError('DELIVERY_CHANNEL_NOT_FOUND');
  const deleted = await deps.storage.deliveryChannels.delete(user.tenant, id, deps.now().toISOString(), {
    tenant: user.tenant,
    actor: user.id,
    action: 'delivery_channel.deleted',
    subject: id,
    details: { kind: channel.kind, service: channel.service },
  });
  if (!deleted) throw createHttpError('DELIVERY_CHANNEL_NOT_FOUND');
}

async function readChannelBody(
  deps: AppDeps,
  body: unknown,
  existing: DeliveryChannel | undefined,
): Promise<{ kind: DeliveryKind; service: string | null; enabled: boolean; config: Record<string, unknown>; secret: string | undefined }> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw createHttpError('INVALID_BODY');
  const { kind, service = null, enabled = true, config = {}, secret, ...rest } = body as Record<string, unknown>;
  const errors: ErrorDetail[] = Object.keys(rest).map((key) => ({ pointer: `/${key}`, message: 'Diese Angabe ist bei einem Zustellweg nicht vorgesehen.' }));
  if (typeof kind !== 'string' || !(DELIVERY_KINDS as readonly string[]).includes(kind)) {
    errors.push({ pointer: '/kind', message: `Bitte einen Zustellweg wählen: ${DELIVERY_KINDS.join(', ')}.` });
    throw createHttpError('INVALID_DELIVERY_CHANNEL', errors);
  }
  const channelKind = kind as DeliveryKind;
  if (service !== null && (typeof service !== 'string' || (await deps.storage.formVersions.listVersions(service)).length === 0)) {
    errors.push({ pointer: '/service', message: 'Diesen Dienst gibt es nicht.' });
  }
  if (typeof enabled !== 'boolean') errors.push({ pointer: '/enabled', message: 'Bitte ja oder nein angeben.' });
  if (secret !== undefined && (typeof secret !== 'string' || secret.length < 16 || secret.length > 512)) {
    errors.push({ pointer: '/secret', message: 'Das Geheimnis muss 16 bis 512 Zeichen lang sein.' });
  }
  if (NEEDS_SECRET.includes(channelKind) && secret === undefined && !(existing?.hasSecret && existing.kind === channelKind)) {
    errors.push({ pointer: '/secret', message: 'Dieser Zustellweg braucht ein Geheimnis.' });
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    errors.push({ pointer: '/config', message: 'Die Einstellungen müssen ein Objekt sein.' });
    throw createHttpError('INVALID_DELIVERY_CHANNEL', errors);
  }
  const settings = config as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!CONFIG_KEYS[channelKind].includes(key)) errors.push({ pointer: `/config/${key}`, message: 'Diese Einstellung gibt es bei diesem Zustellweg nicht.' });
  }
  const allowPrivate = deps.config.delivery.allowPrivateTargets;
  const checkUrl = (key: string) => {
    try {
      if (typeof settings[key] !== 'string' || (settings[key] as string).length > 2000) throw new DeliveryError('TARGET_INVALID', 'missing', true);
      checkOutboundUrl(settings[key] as string, allowPrivate);
    } catch {
      errors.push({ pointer: `/config/${key}`, message: 'Bitte eine https-Adresse angeben, die nicht in einem internen Netz liegt.' });
    }
  };
  if (channelKind === 'staff_notice' && (typeof settings.address !== 'string' || !EMAIL.test(settings.address))) {
    errors.push({ pointer: '/config/address', message: 'Bitte die E-Mail-Adresse des Posteingangs angeben.' });
  }
  if (channelKind === 'webhook') checkUrl('url');
  if (channelKind === 'fitconnect') {
    try {
      readFitConnectConfig(settings);
      checkUrl('tokenUrl');
      checkUrl('submissionApiUrl');
    } catch {
      errors.push({ pointer: '/config', message: 'Bitte tokenUrl, submissionApiUrl, destinationId und clientId angeben.' });
    }
  }
  if (errors.length > 0) throw createHttpError('INVALID_DELIVERY_CHANNEL', errors);
  return { kind: channelKind, service: service as string | null, enabled: enabled as boolean, config: settings, secret: secret as string | undefined };
}

import type { AuditEventInput } from './AuditRepository.ts';
import type { DeliveryKind } from './OutboxRepository.ts';

/** A delivery target of a participant; `service` null = every service without a channel of the same kind of its own. */
export interface DeliveryChannel {
  id: string;
  tenant: string;
  service: string | null;
  kind: DeliveryKind;
  enabled: boolean;
  /** Settings without secrets (URL, addresses, FIT-Connect destination ...). */
  config: Record<string, unknown>;
  /** Whether a secret is stored; the secret itself never leaves the server through the API. */
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface SaveDeliveryChannel {
  id: string;
  tenant: string;
  service: string | null;
  kind: DeliveryKind;
  enabled: boolean;
  config: Record<string, unknown>;
  /** New secret; undefined keeps the stored one. */
  secret: string | undefined;
}

/** Delivery channels of the participants. Every method is scoped by tenant except `getForRelay`. */
export interface DeliveryChannelRepository {
  list(tenant: string): Promise<DeliveryChannel[]>;
  get(tenant: string, id: string): Promise<DeliveryChannel | undefined>;
  /** The channel with its secret, for the relay only (never for an API answer). */
  getForRelay(id: string): Promise<(DeliveryChannel & { secret: string | null }) | undefined>;
  /** Creates or updates (same id and tenant) with the audit event in one transaction; 'conflict' when tenant, kind and service are taken by another channel. */
  save(channel: SaveDeliveryChannel, at: string, by: string, audit: AuditEventInput): Promise<'created' | 'updated' | 'conflict'>;
  /** Deletes a channel of the tenant with its audit event; false when there is none. */
  delete(tenant: string, id: string, at: string, audit: AuditEventInput): Promise<boolean>;
  /** Adds a channel of `kind` for every service of each tenant that has none of that kind yet (defaults). */
  seedDefaults(kind: DeliveryKind, tenants: readonly string[], at: string): Promise<number>;
}

import { randomUUID } from 'node:crypto';
import type { AuditEventInput } from '../AuditRepository.ts';
import type { DeliveryChannel, DeliveryChannelRepository, SaveDeliveryChannel } from '../DeliveryChannelRepository.ts';
import type { DeliveryKind } from '../OutboxRepository.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface ChannelRow {
  id: string;
  tenant: string;
  service: string;
  kind: DeliveryKind;
  enabled: number;
  config: string;
  secret: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** Advisory lock class of channel saves (second key: hash of the tenant), so saves of one participant run one by one. */
const SAVE_LOCK_CLASS = 7_340_190;

/** PostgreSQL delivery channels; service '' in the table stands for "every service" (as in SQLite). */
export class PostgresDeliveryChannelRepository implements DeliveryChannelRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async list(tenant: string): Promise<DeliveryChannel[]> {
    const rows = await this.db.all<ChannelRow>('SELECT * FROM delivery_channels WHERE tenant = ? ORDER BY kind, service, id', [tenant]);
    return rows.map(toChannel);
  }

  async get(tenant: string, id: string): Promise<DeliveryChannel | undefined> {
    const row = await this.db.get<ChannelRow>('SELECT * FROM delivery_channels WHERE tenant = ? AND id = ?', [tenant, id]);
    return row && toChannel(row);
  }

  async getForRelay(id: string): Promise<(DeliveryChannel & { secret: string | null }) | undefined> {
    const row = await this.db.get<ChannelRow>('SELECT * FROM delivery_channels WHERE id = ?', [id]);
    return row && { ...toChannel(row), secret: row.secret };
  }

  save(channel: SaveDeliveryChannel, at: string, by: string, audit: AuditEventInput): Promise<'created' | 'updated' | 'conflict'> {
    return this.db.write(async (tx) => {
      // Another process may save a channel of the same participant at once: the checks below must see its commit.
      await tx.get('SELECT pg_advisory_xact_lock(?, hashtext(?))', [SAVE_LOCK_CLASS, channel.tenant]);
      const service = channel.service ?? '';
      const taken = await tx.get<{ id: string }>('SELECT id FROM delivery_channels WHERE tenant = ? AND kind = ? AND service = ? AND id <> ?', [
        channel.tenant,
        channel.kind,
        service,
        channel.id,
      ]);
      if (taken) return 'conflict';
      const existing = await tx.get<{ tenant: string }>('SELECT tenant FROM delivery_channels WHERE id = ?', [channel.id]);
      if (existing && existing.tenant !== channel.tenant) return 'conflict';
      if (existing) {
        await tx.run(
          `UPDATE delivery_channels SET service = ?, kind = ?, enabled = ?, config = ?, secret = coalesce(?, secret), updated_at = ?, updated_by = ?
            WHERE id = ? AND tenant = ?`,
          [service, channel.kind, channel.enabled ? 1 : 0, JSON.stringify(channel.config), channel.secret ?? null, at, by, channel.id, channel.tenant],
        );
      } else {
        await tx.run(
          `INSERT INTO delivery_channels (id, tenant, service, kind, enabled, config, secret, created_at, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [channel.id, channel.tenant, service, channel.kind, channel.enabled ? 1 : 0, JSON.stringify(channel.config), channel.secret ?? null, at, at, by],
        );
      }
      await insertAuditEvent(tx, audit, at);
      return existing ? 'updated' : 'created';
    });
  }

  delete(tenant: string, id: string, at: string, audit: AuditEventInput): Promise<boolean> {
    return this.db.write(async (tx) => {
      const deleted = await tx.run('DELETE FROM delivery_channels WHERE tenant = ? AND id = ?', [tenant, id]);
      if (deleted === 0) return false;
      await insertAuditEvent(tx, audit, at);
      return true;
    });
  }

  seedDefaults(kind: DeliveryKind, tenants: readonly string[], at: string): Promise<number> {
    return this.db.write(async (tx) => {
      let inserted = 0;
      for (const tenant of tenants) {
        // ON CONFLICT: processes starting together seed once without failing each other.
        inserted += await tx.run(
          `INSERT INTO delivery_channels (id, tenant, service, kind, enabled, config, secret, created_at, updated_at, updated_by)
            VALUES (?, ?, '', ?, 1, '{}', NULL, ?, ?, 'system') ON CONFLICT (tenant, kind, service) DO NOTHING`,
          [randomUUID(), tenant, kind, at, at],
        );
      }
      return inserted;
    });
  }
}

function toChannel(row: ChannelRow): DeliveryChannel {
  return {
    id: row.id,
    tenant: row.tenant,
    service: row.service === '' ? null : row.service,
    kind: row.kind,
    enabled: row.enabled === 1,
    config: JSON.parse(row.config) as Record<string, unknown>,
    hasSecret: row.secret !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

import type { AuditEventInput } from '../AuditRepository.ts';
import type { DeliveryEventType, DeliveryKind, DeliveryState, OutboxDelivery, OutboxRepository, OutboxStats } from '../OutboxRepository.ts';
import { submissionKey } from '../sqlite/SqliteOutboxRepository.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { PostgresDatabase, PostgresTransaction } from './PostgresDatabase.ts';

interface OutboxRow {
  id: string;
  event_id: string;
  event_type: DeliveryEventType;
  event_status: string | null;
  tenant: string;
  submission_id: string;
  channel_id: string;
  kind: DeliveryKind;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

const COLUMNS = 'id, event_id, event_type, event_status, tenant, submission_id, channel_id, kind, state, attempts, next_attempt_at, last_error, created_at, delivered_at';

/**
 * Channel selection (as SQLite's CHANNEL_MATCH): a channel of the participant ($t) for exactly this service ($s), or
 * else the participant's channel of the same kind for all services (service '').
 */
function channelMatch(t: string, s: string): string {
  return `c.tenant = ${t} AND c.enabled = 1
    AND (c.service = ${s} OR (c.service = '' AND NOT EXISTS (
      SELECT 1 FROM delivery_channels AS o WHERE o.tenant = c.tenant AND o.kind = c.kind AND o.service = ${s})))`;
}

/**
 * The INSERT of received submissions' deliveries (a data-modifying CTE of the submission's statement). `source` is a
 * relation with the columns key (submissionKey: delivery ids are `<key>.received.<kind>`, as in SQLite), tenant,
 * service, id (submission id), received_at and contact (hasContactEmail 0/1).
 */
export function insertReceivedDeliveriesSql(source: string): string {
  return `INSERT INTO outbox (id, event_id, event_type, tenant, submission_id, channel_id, kind, state, next_attempt_at, created_at)
  SELECT r.key || '.received.' || c.kind, r.key || '.received', 'submission.received', c.tenant, r.id, c.id, c.kind, 'pending', r.received_at, r.received_at
  FROM ${source} AS r JOIN delivery_channels AS c ON ${channelMatch('r.tenant', 'r.service')}
  WHERE c.kind IN ('webhook', 'fitconnect', 'staff_notice') OR (c.kind = 'citizen_receipt' AND r.contact = 1)`;
}

/** Outbox rows of a status change (webhook, and the citizen's status mail when the submission has a contact e-mail). */
const INSERT_STATUS_DELIVERIES = `INSERT INTO outbox (id, event_id, event_type, event_status, tenant, submission_id, channel_id, kind, state, next_attempt_at, created_at)
  SELECT $1::text || '.' || c.kind, $1, 'submission.status_changed', $2, c.tenant, $4, c.id, c.kind, 'pending', $3, $3
  FROM delivery_channels AS c WHERE ${channelMatch('$5::text', '$6::text')}
    AND (c.kind = 'webhook' OR (c.kind = 'citizen_status' AND $7::integer = 1))`;

/** Inserts the deliveries of a status change inside the status change's transaction. */
export function insertStatusDeliveries(
  tx: PostgresTransaction,
  change: { eventSuffix: string; tenant: string; service: string; submissionId: string; receivedAt: string; status: string; at: string; hasContactEmail: boolean },
): Promise<number> {
  const eventId = `${submissionKey({ id: change.submissionId, receivedAt: change.receivedAt })}.status.${change.eventSuffix}`;
  return tx.run(INSERT_STATUS_DELIVERIES, [eventId, change.status, change.at, change.submissionId, change.tenant, change.service, change.hasContactEmail ? 1 : 0]);
}

/** Key range of a submission's deliveries in the outbox's primary key ($1 = submissionKey; '/' follows '.'; COLLATE "C"). */
const OF_SUBMISSION = "id > $1::text || '.' AND id < $1::text || '/'";

/** Removes every delivery of the given submission (erasure and retention): no payload of it can leave afterwards. */
export function deleteDeliveriesOf(tx: PostgresTransaction, submission: { id: string; receivedAt: string }): Promise<number> {
  return tx.run(`DELETE FROM outbox WHERE ${OF_SUBMISSION}`, [submissionKey(submission)]);
}

/**
 * PostgreSQL outbox: relays in several processes claim due deliveries with `FOR UPDATE SKIP LOCKED` plus the lease
 * columns, so a delivery is held by one relay at a time; settling checks the lease owner.
 */
export class PostgresOutboxRepository implements OutboxRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async claim(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxDelivery[]> {
    // A cheap read first: an idle relay takes no row locks.
    const due = await this.db.get<{ id: string }>(
      "SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1",
      [now, now],
    );
    if (!due) return [];
    // One statement: rows another relay is claiming right now are skipped; a row whose claim committed meanwhile is
    // re-checked after its lock (READ COMMITTED) and then fails the lease condition.
    const rows = await this.db.all<OutboxRow>(
      `UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
          ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [owner, leaseUntil, now, now, limit],
    );
    return rows.map(toDelivery);
  }

  async markDelivered(id: string, owner: string, at: string): Promise<boolean> {
    return (
      (await this.db.run(
        `UPDATE outbox SET state = 'delivered', delivered_at = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL
          WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
        [at, id, owner],
      )) === 1
    );
  }

  async markFailed(id: string, owner: string, error: string, retryAt: string | undefined): Promise<boolean> {
    return (
      (await this.db.run(
        `UPDATE outbox SET state = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?, lease_owner = NULL, lease_until = NULL
          WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
        [retryAt === undefined ? 'dead' : 'pending', retryAt ?? null, error.slice(0, 300), id, owner],
      )) === 1
    );
  }

  async releaseLeases(owner: string): Promise<void> {
    await this.db.run("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND state = 'pending'", [owner]);
  }

  async listBySubmission(tenant: string, submission: { id: string; receivedAt: string }): Promise<OutboxDelivery[]> {
    const rows = await this.db.all<OutboxRow>(
      `SELECT ${COLUMNS} FROM outbox WHERE ${OF_SUBMISSION} AND tenant = $2 AND submission_id = $3 ORDER BY created_at, kind, id`,
      [submissionKey(submission), tenant, submission.id],
    );
    return rows.map(toDelivery);
  }

  resend(tenant: string, id: string, at: string, audit: AuditEventInput): Promise<OutboxDelivery | 'not-dead' | undefined> {
    return this.db.write(async (tx) => {
      const row = await tx.get<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE tenant = ? AND id = ? FOR UPDATE`, [tenant, id]);
      if (!row) return undefined;
      if (row.state !== 'dead') return 'not-dead';
      const updated = await tx.get<OutboxRow>(
        `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? RETURNING ${COLUMNS}`,
        [at, id],
      );
      await insertAuditEvent(tx, audit, at);
      return toDelivery(updated!);
    });
  }

  async stats(tenant?: string): Promise<OutboxStats[]> {
    const rows = await this.db.all<{ tenant: string; pending: number; dead: number; oldest: string | null }>(
      `SELECT tenant, count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'dead') AS dead,
          min(CASE WHEN state = 'pending' THEN created_at END) AS oldest
        FROM outbox WHERE state <> 'delivered' ${tenant === undefined ? '' : 'AND tenant = ?'} GROUP BY tenant ORDER BY tenant`,
      tenant === undefined ? [] : [tenant],
    );
    return rows.map((row) => ({ tenant: row.tenant, pending: row.pending, dead: row.dead, oldestPendingAt: row.oldest }));
  }
}

function toDelivery(row: OutboxRow): OutboxDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    eventStatus: row.event_status,
    tenant: row.tenant,
    submissionId: row.submission_id,
    channelId: row.channel_id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

import type { AuditEventInput } from '../AuditRepository.ts';
import type { DeliveryEventType, DeliveryKind, DeliveryState, OutboxDelivery, OutboxRepository, OutboxStats } from '../OutboxRepository.ts';
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
import type { SqliteDatabase, WriteTransaction } from './SqliteDatabase.ts';

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
 * Channel selection shared by the insert statements below: a channel of the participant for exactly this service,
 * or else the participant's channel of the same kind for all services (service ''). Each JSON row `r` is a light
 * outbox row: [submissionKey, tenant, service, at, hasContactEmail (0/1), submissionId] (never the data, so nothing
 * big is parsed).
 */
const CHANNEL_MATCH = `c.tenant = r.value ->> 1 AND c.enabled = 1
    AND (c.service = r.value ->> 2 OR (c.service = '' AND NOT EXISTS (
      SELECT 1 FROM delivery_channels AS o WHERE o.tenant = c.tenant AND o.kind = c.kind AND o.service = r.value ->> 2)))`;

/**
 * The delivery id is `<event id>.<channel kind>`, and an event id starts with its submission's key
 * (`<key>.received`, `<key>.status.<random>`; key = receipt time in base 36, then the submission id, see
 * submissionKey): stable per (event, channel) by construction (a submission has at most one channel of a kind).
 * The outbox's primary key is this id, so new rows are appended in time order (no random B-tree pages in the
 * submission's commit) and a submission's deliveries are one key range, found without another index.
 */
export function insertReceivedDeliveriesSql(rowsSource: string): string {
  return `INSERT INTO outbox (id, event_id, event_type, tenant, submission_id, channel_id, kind, state, next_attempt_at, created_at)
  SELECT (r.value ->> 0) || '.received.' || c.kind, (r.value ->> 0) || '.received', 'submission.received', c.tenant, r.value ->> 5, c.id, c.kind,
    'pending', r.value ->> 3, r.value ->> 3
  FROM json_each(${rowsSource}) AS r JOIN delivery_channels AS c ON ${CHANNEL_MATCH}
  WHERE c.kind IN ('webhook', 'fitconnect', 'staff_notice') OR (c.kind = 'citizen_receipt' AND r.value ->> 4 = 1)`;
}

/** The prefix of every delivery id of a submission: receipt time (ms, base 36, fixed width) and submission id. */
export function submissionKey(submission: { id: string; receivedAt: string }): string {
  return `${Date.parse(submission.receivedAt).toString(36).padStart(9, '0')}.${submission.id}`;
}

/** The light outbox row of a submission (see CHANNEL_MATCH); `at` is the event's time. */
export function toOutboxRow(
  submission: { id: string; tenant: string; service: string; receivedAt: string; hasContactEmail?: boolean | undefined },
  at: string = submission.receivedAt,
): unknown[] {
  return [submissionKey(submission), submission.tenant, submission.service, at, submission.hasContactEmail ? 1 : 0, submission.id];
}

/** Outbox rows of a status change (webhook, and the citizen's status mail when the submission has a contact e-mail). */
const INSERT_STATUS_DELIVERIES = `INSERT INTO outbox (id, event_id, event_type, event_status, tenant, submission_id, channel_id, kind, state, next_attempt_at, created_at)
  SELECT ?1 || '.' || c.kind, ?1, 'submission.status_changed', ?2, c.tenant, r.value ->> 5, c.id, c.kind, 'pending', ?3, ?3
  FROM json_each(?4) AS r JOIN delivery_channels AS c ON ${CHANNEL_MATCH}
  WHERE c.kind = 'webhook' OR (c.kind = 'citizen_status' AND r.value ->> 4 = 1)`;

/** Inserts the deliveries of a status change inside the status change's transaction. */
export async function insertStatusDeliveries(
  tx: WriteTransaction,
  change: { eventSuffix: string; tenant: string; service: string; submissionId: string; receivedAt: string; status: string; at: string; hasContactEmail: boolean },
): Promise<number> {
  const submission = { id: change.submissionId, tenant: change.tenant, service: change.service, receivedAt: change.receivedAt, hasContactEmail: change.hasContactEmail };
  const eventId = `${submissionKey(submission)}.status.${change.eventSuffix}`;
  return tx.run(INSERT_STATUS_DELIVERIES, [eventId, change.status, change.at, JSON.stringify([toOutboxRow(submission, change.at)])]);
}

/** Key range of a submission's deliveries in the outbox's primary key (?1 = submissionKey; '/' follows '.'). */
const OF_SUBMISSION = "id > ?1 || '.' AND id < ?1 || '/'";

/** Removes every delivery of the given submission (erasure and retention): no payload of it can leave afterwards. */
export function deleteDeliveriesOf(tx: WriteTransaction, submission: { id: string; receivedAt: string }): Promise<number> {
  return tx.run(`DELETE FROM outbox WHERE ${OF_SUBMISSION}`, [submissionKey(submission)]);
}

/** SQLite outbox: claims with leases, settles attempts, answers the staff views. */
export class SqliteOutboxRepository implements OutboxRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async claim(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxDelivery[]> {
    // A cheap read first: an idle relay never queues a write job beside the submissions' group commit.
    const due = await this.db.get<{ id: string }>(
      "SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1",
      [now, now],
    );
    if (!due) return [];
    return this.db.write(async (tx) => {
      const rows = await tx.all<OutboxRow>(
        `UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
          WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
            ORDER BY next_attempt_at LIMIT ?)
          RETURNING ${COLUMNS}`,
        [owner, leaseUntil, now, now, limit],
      );
      return rows.map(toDelivery);
    });
  }

  markDelivered(id: string, owner: string, at: string): Promise<boolean> {
    return this.db.write(
      async (tx) =>
        (await tx.run(
          `UPDATE outbox SET state = 'delivered', delivered_at = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL
            WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
          [at, id, owner],
        )) === 1,
    );
  }

  markFailed(id: string, owner: string, error: string, retryAt: string | undefined): Promise<boolean> {
    return this.db.write(
      async (tx) =>
        (await tx.run(
          `UPDATE outbox SET state = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?, lease_owner = NULL, lease_until = NULL
            WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
          [retryAt === undefined ? 'dead' : 'pending', retryAt ?? null, error.slice(0, 300), id, owner],
        )) === 1,
    );
  }

  async releaseLeases(owner: string): Promise<void> {
    await this.db.write((tx) => tx.run("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND state = 'pending'", [owner]));
  }

  async listBySubmission(tenant: string, submission: { id: string; receivedAt: string }): Promise<OutboxDelivery[]> {
    const rows = await this.db.all<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE ${OF_SUBMISSION} AND tenant = ?2 AND submission_id = ?3 ORDER BY created_at, kind, id`, [
      submissionKey(submission),
      tenant,
      submission.id,
    ]);
    return rows.map(toDelivery);
  }

  resend(tenant: string, id: string, at: string, audit: AuditEventInput): Promise<OutboxDelivery | 'not-dead' | undefined> {
    return this.db.write(async (tx) => {
      const row = await tx.get<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE tenant = ? AND id = ?`, [tenant, id]);
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
      `SELECT tenant, sum(state = 'pending') AS pending, sum(state = 'dead') AS dead, min(CASE WHEN state = 'pending' THEN created_at END) AS oldest
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

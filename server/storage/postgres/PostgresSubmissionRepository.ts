import type { AuditEventInput } from '../AuditRepository.ts';
import { submissionKey } from '../sqlite/SqliteOutboxRepository.ts';
import type {
  CreateSubmissionResult,
  IdempotencyInput,
  IdempotencyRecord,
  NewSubmission,
  StatusChangeOutbox,
  StatusChangeResult,
  StatusLookup,
  Submission,
  SubmissionFilter,
  SubmissionRepository,
  SubmissionStatus,
  SubmissionSummary,
} from '../SubmissionRepository.ts';
import { insertPostgresAuditEvent } from './insertPostgresAuditEvent.ts';
import { deleteDeliveriesOf, insertReceivedDeliveriesSql, insertStatusDeliveries } from './PostgresOutboxRepository.ts';
import type { PostgresDatabase, PostgresTransaction } from './PostgresDatabase.ts';
import { bindUploads, deleteUploadsOfSubmissions } from './PostgresUploadRepository.ts';

interface SubmissionRow {
  id: string;
  tenant: string;
  service: string;
  version: string;
  data: string;
  status: SubmissionStatus;
  reference: string;
  received_at: string;
  updated_at: string;
  expires_at: string;
}

/** A key's earlier answer; submission_id null for the tombstone of a key whose submission was erased on request. */
interface KeyRow {
  request_hash: string | null;
  submission_id: string | null;
}

const SUMMARY_COLUMNS = 'id, tenant, service, version, status, reference, received_at, updated_at, expires_at';
const ERASE_CHUNK = 500;

/** Advisory lock class of Idempotency-Keys (second key: hash of tenant, service and key). */
const IDEMPOTENCY_LOCK_CLASS = 7_340_150;

// One statement for both: a live key, or the tombstone left by an erasure on request.
const FIND_KEY = `SELECT request_hash, submission_id FROM idempotency_keys WHERE tenant = $1 AND service = $2 AND key = $3
  UNION ALL SELECT NULL, NULL FROM erased_idempotency_keys WHERE tenant = $1 AND service = $2 AND key = $3`;

/**
 * One statement storing a submission: the participant's counter of the year is incremented in the database (the row
 * stays locked until commit, so references are consecutive and unique across processes), the row is inserted with
 * the reference built from the counter (padded to six digits, never cut), and the received event's deliveries to the
 * participant's channels go into the outbox.
 * $1 id, $2 tenant, $3 service, $4 version, $5 data, $6 received_at, $7 expires_at, $8 status_code_hash,
 * $9 reference prefix `ERK-2026-`, $10 year, $11 submission key (outbox ids), $12 hasContactEmail (0/1).
 */
const CREATE = `WITH counter AS (
  INSERT INTO reference_counters AS rc (tenant, year, last) VALUES ($2, $10::integer, 1)
  ON CONFLICT (tenant, year) DO UPDATE SET last = rc.last + 1 RETURNING last
), inserted AS (
  INSERT INTO submissions (id, tenant, service, version, data, status, reference, received_at, updated_at, expires_at, status_code_hash)
  SELECT $1, $2, $3, $4, $5, 'eingegangen', $9::text || CASE WHEN length(last::text) >= 6 THEN last::text ELSE lpad(last::text, 6, '0') END,
    $6, $6, $7, $8 FROM counter
  RETURNING reference
), deliveries AS (
  ${insertReceivedDeliveriesSql({ key: '$11', tenant: '$2', service: '$3', submissionId: '$1', at: '$6', hasContactEmail: '$12' })}
)
SELECT reference FROM inserted`;

/**
 * PostgreSQL submissions, shared by several server processes: references come from the database counter in the
 * create's transaction, Idempotency-Keys are serialised per key with an advisory transaction lock (a second create with
 * the same key waits and then replays the first), and erasure, retention and status changes lock or condition the
 * rows they change. Every query carries the tenant, so ids of other participants are never found.
 */
export class PostgresSubmissionRepository implements SubmissionRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async create(submission: NewSubmission, idempotency?: IdempotencyInput): Promise<CreateSubmissionResult> {
    const s = submission;
    const params = [
      s.id,
      s.tenant,
      s.service,
      s.version,
      JSON.stringify(s.data),
      s.receivedAt,
      s.expiresAt,
      s.statusCodeHash ?? null,
      `${s.referencePrefix}-${s.referenceYear}-`,
      s.referenceYear,
      submissionKey(s),
      s.hasContactEmail ? 1 : 0,
    ];
    const uploadIds = s.uploadIds ?? [];
    if (!idempotency && uploadIds.length === 0) {
      // One statement: atomic and durable on its own, no explicit transaction needed.
      const row = await this.db.get<{ reference: string }>(CREATE, params);
      return toCreated(s, row!.reference);
    }
    return this.db.write(async (tx): Promise<CreateSubmissionResult> => {
      if (idempotency) {
        // Held until commit: a concurrent create with the same key (any process) waits here, then sees this key.
        await tx.get('SELECT pg_advisory_xact_lock(?, hashtext(?))', [IDEMPOTENCY_LOCK_CLASS, JSON.stringify([s.tenant, s.service, idempotency.key])]);
        const existing = await tx.get<KeyRow>(FIND_KEY, [s.tenant, s.service, idempotency.key]);
        if (existing?.submission_id === null) return { kind: 'erased' };
        if (existing) {
          const row = await tx.get<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE id = ?`, [existing.submission_id]);
          return { kind: 'replayed', requestHash: existing.request_hash!, submission: row && toSummary(row) };
        }
      }
      const row = await tx.get<{ reference: string }>(CREATE, params);
      if (idempotency) {
        await tx.run(
          'INSERT INTO idempotency_keys (tenant, service, key, request_hash, submission_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          [s.tenant, s.service, idempotency.key, idempotency.requestHash, s.id, s.receivedAt],
        );
      }
      // Uploads reference their submission, so they are bound after the row went in; a failed binding rolls back.
      await bindUploads(tx, { id: s.id, tenant: s.tenant, service: s.service, uploadIds }, s.receivedAt);
      return toCreated(s, row!.reference);
    });
  }

  async findByIdempotencyKey(tenant: string, service: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db.get<KeyRow>(FIND_KEY, [tenant, service, key]);
    if (!row) return undefined;
    if (row.submission_id === null) return 'erased';
    const submission = await this.db.get<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE id = ? AND tenant = ?`, [row.submission_id, tenant]);
    return { requestHash: row.request_hash!, submission: submission && toSummary(submission) };
  }

  async findStatusByReference(tenant: string, reference: string): Promise<StatusLookup | undefined> {
    const row = await this.db.get<{ id: string; status: SubmissionStatus; received_at: string; status_code_hash: string | null; service: string; version: string }>(
      'SELECT id, status, received_at, status_code_hash, service, version FROM submissions WHERE tenant = ? AND reference = ?',
      [tenant, reference],
    );
    return row && { id: row.id, status: row.status, receivedAt: row.received_at, statusCodeHash: row.status_code_hash, service: row.service, version: row.version };
  }

  async get(tenant: string, id: string): Promise<Submission | undefined> {
    const row = await this.db.get<SubmissionRow>('SELECT * FROM submissions WHERE tenant = ? AND id = ?', [tenant, id]);
    return row && toSubmission(row);
  }

  async list(filter: SubmissionFilter, page: { offset: number; limit: number }): Promise<{ items: SubmissionSummary[]; total: number }> {
    const { where, params } = toWhere(filter);
    const [rows, count] = await Promise.all([
      this.db.all<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE ${where} ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`, [
        ...params,
        page.limit,
        page.offset,
      ]),
      this.db.get<{ total: number }>(`SELECT count(*) AS total FROM submissions WHERE ${where}`, params),
    ]);
    return { items: rows.map(toSummary), total: count?.total ?? 0 };
  }

  async *iterate(filter: SubmissionFilter, chunkSize = 500): AsyncIterable<Submission> {
    const { where, params } = toWhere(filter);
    let after: { receivedAt: string; id: string } | undefined;
    for (;;) {
      const rows = await this.db.all<SubmissionRow>(
        `SELECT * FROM submissions WHERE ${where}${after ? ' AND (received_at, id) > (?, ?)' : ''} ORDER BY received_at, id LIMIT ?`,
        [...params, ...(after ? [after.receivedAt, after.id] : []), chunkSize],
      );
      for (const row of rows) yield toSubmission(row);
      const last = rows.at(-1);
      if (!last || rows.length < chunkSize) return;
      after = { receivedAt: last.received_at, id: last.id };
    }
  }

  changeStatus(
    tenant: string,
    id: string,
    from: SubmissionStatus,
    to: SubmissionStatus,
    at: string,
    audit: AuditEventInput,
    outbox?: StatusChangeOutbox,
  ): Promise<StatusChangeResult> {
    return this.db.write(async (tx): Promise<StatusChangeResult> => {
      // A concurrent change of the same row waits for the lock and re-checks `status = from` (READ COMMITTED).
      const updated = await tx.get<SubmissionRow>(
        `UPDATE submissions SET status = ?, updated_at = ? WHERE tenant = ? AND id = ? AND status = ? RETURNING ${SUMMARY_COLUMNS}`,
        [to, at, tenant, id, from],
      );
      if (!updated) {
        const current = await tx.get<{ status: SubmissionStatus }>('SELECT status FROM submissions WHERE tenant = ? AND id = ?', [tenant, id]);
        return current ? { kind: 'conflict', current: current.status } : { kind: 'not-found' };
      }
      await insertPostgresAuditEvent(tx, audit, at);
      if (outbox) {
        await insertStatusDeliveries(tx, { ...outbox, tenant, service: updated.service, submissionId: id, receivedAt: updated.received_at, status: to, at });
      }
      return { kind: 'changed', submission: toSummary(updated) };
    });
  }

  async eraseExpired(now: string): Promise<number> {
    let total = 0;
    for (;;) {
      const erased = await this.db.write(async (tx) => {
        // SKIP LOCKED: the retention jobs of two processes erase disjoint chunks (and count each submission once).
        const rows = await tx.all<{ id: string; tenant: string; service: string; received_at: string }>(
          'SELECT id, tenant, service, received_at FROM submissions WHERE expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED',
          [now, ERASE_CHUNK],
        );
        if (rows.length === 0) return 0;
        const ids = rows.map((row) => row.id);
        const counts = new Map<string, { tenant: string; service: string; count: number }>();
        await deleteUploadsOfSubmissions(tx, ids, now);
        for (const row of rows) {
          await deleteDeliveriesOf(tx, { id: row.id, receivedAt: row.received_at });
          const key = `${row.tenant}\u0000${row.service}`;
          const entry = counts.get(key) ?? { tenant: row.tenant, service: row.service, count: 0 };
          entry.count += 1;
          counts.set(key, entry);
        }
        await tx.run('DELETE FROM idempotency_keys WHERE submission_id = ANY(?::text[])', [ids]);
        await tx.run('DELETE FROM submissions WHERE id = ANY(?::text[])', [ids]);
        for (const entry of counts.values()) {
          await insertPostgresAuditEvent(
            tx,
            { tenant: entry.tenant, actor: 'system', action: 'submission.erased', subject: entry.service, details: { count: entry.count, reason: 'retention' } },
            now,
          );
        }
        return rows.length;
      });
      total += erased;
      if (erased < ERASE_CHUNK) return total;
    }
  }

  erase(tenant: string, id: string, at: string, toAudit: (erased: SubmissionSummary) => AuditEventInput): Promise<SubmissionSummary | undefined> {
    return this.db.write(async (tx) => {
      const row = await tx.get<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE tenant = ? AND id = ? FOR UPDATE`, [tenant, id]);
      if (!row) return undefined;
      await moveKeysToTombstones(tx, id, at);
      await deleteDeliveriesOf(tx, { id, receivedAt: row.received_at });
      await deleteUploadsOfSubmissions(tx, [id], at);
      await tx.run('DELETE FROM submissions WHERE tenant = ? AND id = ?', [tenant, id]);
      const erased = toSummary(row);
      await insertPostgresAuditEvent(tx, toAudit(erased), at);
      return erased;
    });
  }

  forgetIdempotencyKeys(before: string): Promise<number> {
    return this.db.write(
      async (tx) =>
        (await tx.run('DELETE FROM idempotency_keys WHERE created_at < ?', [before])) +
        (await tx.run('DELETE FROM erased_idempotency_keys WHERE created_at < ?', [before])),
    );
  }
}

/** The erased submission's keys become tombstones (scope only, no request hash); explicit rather than the cascade. */
async function moveKeysToTombstones(tx: PostgresTransaction, submissionId: string, at: string): Promise<void> {
  await tx.run(
    `WITH gone AS (DELETE FROM idempotency_keys WHERE submission_id = ? RETURNING tenant, service, key, created_at)
      INSERT INTO erased_idempotency_keys (tenant, service, key, created_at, erased_at) SELECT tenant, service, key, created_at, ? FROM gone
      ON CONFLICT (tenant, service, key) DO NOTHING`,
    [submissionId, at],
  );
}

function toCreated(s: NewSubmission, reference: string): CreateSubmissionResult {
  return {
    kind: 'created',
    submission: {
      id: s.id,
      tenant: s.tenant,
      service: s.service,
      version: s.version,
      status: 'eingegangen',
      reference,
      receivedAt: s.receivedAt,
      updatedAt: s.receivedAt,
      expiresAt: s.expiresAt,
    },
  };
}

function toWhere(filter: SubmissionFilter): { where: string; params: unknown[] } {
  const clauses = ['tenant = ?'];
  const params: unknown[] = [filter.tenant];
  if (filter.service !== undefined) (clauses.push('service = ?'), params.push(filter.service));
  if (filter.version !== undefined) (clauses.push('version = ?'), params.push(filter.version));
  if (filter.status !== undefined) (clauses.push('status = ?'), params.push(filter.status));
  if (filter.receivedFrom !== undefined) (clauses.push('received_at >= ?'), params.push(filter.receivedFrom));
  if (filter.receivedBefore !== undefined) (clauses.push('received_at < ?'), params.push(filter.receivedBefore));
  return { where: clauses.join(' AND '), params };
}

function toSummary(row: Omit<SubmissionRow, 'data'>): SubmissionSummary {
  return {
    id: row.id,
    tenant: row.tenant,
    service: row.service,
    version: row.version,
    status: row.status,
    reference: row.reference,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}

function toSubmission(row: SubmissionRow): Submission {
  return { ...toSummary(row), data: JSON.parse(row.data) as unknown };
}

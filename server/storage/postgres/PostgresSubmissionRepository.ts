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
import { insertAuditEvent } from '../sql/insertAuditEvent.ts';
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
 * One statement storing a batch of submissions (the columns travel as arrays): each participant's counter of the year
 * is raised in the database by the number of its submissions in the batch (counters locked in (tenant, year) order
 * until commit, so references are consecutive and unique across processes and two batches cannot deadlock), each row
 * gets its number in batch order (padded to six digits, never cut), and the received event's deliveries to the
 * participants' channels go into the outbox.
 */
const CREATE_BATCH = `WITH input AS (
  SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::integer[])
    WITH ORDINALITY AS i (id, tenant, service, version, data, received_at, expires_at, status_code_hash, prefix, year, key, contact, ord)
), counter AS (
  INSERT INTO reference_counters AS rc (tenant, year, last)
  SELECT tenant, year, count(*) FROM input GROUP BY tenant, year ORDER BY tenant, year
  ON CONFLICT (tenant, year) DO UPDATE SET last = rc.last + excluded.last
  RETURNING tenant, year, last
), numbered AS (
  SELECT i.*, c.last - count(*) OVER (PARTITION BY i.tenant, i.year) + row_number() OVER (PARTITION BY i.tenant, i.year ORDER BY i.ord) AS seq
  FROM input AS i JOIN counter AS c ON c.tenant = i.tenant AND c.year = i.year
), inserted AS (
  INSERT INTO submissions (id, tenant, service, version, data, status, reference, received_at, updated_at, expires_at, status_code_hash)
  SELECT id, tenant, service, version, data, 'eingegangen', prefix || CASE WHEN length(seq::text) >= 6 THEN seq::text ELSE lpad(seq::text, 6, '0') END,
    received_at, received_at, expires_at, status_code_hash
  FROM numbered ORDER BY ord
  RETURNING id, reference
), deliveries AS (
  ${insertReceivedDeliveriesSql('input')}
)
SELECT id, reference FROM inserted`;

/** The array parameters of CREATE_BATCH. */
function toBatchParams(items: readonly NewSubmission[]): unknown[] {
  return [
    items.map((s) => s.id),
    items.map((s) => s.tenant),
    items.map((s) => s.service),
    items.map((s) => s.version),
    items.map((s) => JSON.stringify(s.data)),
    items.map((s) => s.receivedAt),
    items.map((s) => s.expiresAt),
    items.map((s) => s.statusCodeHash ?? null),
    items.map((s) => `${s.referencePrefix}-${s.referenceYear}-`),
    items.map((s) => s.referenceYear),
    items.map((s) => submissionKey(s)),
    items.map((s) => (s.hasContactEmail ? 1 : 0)),
  ];
}

/** Runs CREATE_BATCH in the transaction and answers each item's reference. */
async function insertBatch(tx: PostgresTransaction, items: readonly NewSubmission[]): Promise<string[]> {
  const rows = await tx.all<{ id: string; reference: string }>(CREATE_BATCH, toBatchParams(items));
  const references = new Map(rows.map((row) => [row.id, row.reference]));
  return items.map((s) => {
    const reference = references.get(s.id);
    if (reference === undefined) throw new Error(`insertBatch: submission ${s.id} was not inserted`);
    return reference;
  });
}

/** Largest batch of creates in one statement. */
const MAX_BATCH = 256;

interface PendingCreate {
  submission: NewSubmission;
  idempotency: IdempotencyInput | undefined;
  resolve(result: CreateSubmissionResult): void;
  reject(error: unknown): void;
}

/**
 * PostgreSQL submissions, shared by several server processes: references come from the database counter in the
 * create's transaction, Idempotency-Keys are serialised per key with an advisory transaction lock (a second create with
 * the same key waits and then replays the first), and erasure, retention and status changes lock or condition the
 * rows they change. Every query carries the tenant, so ids of other participants are never found.
 */
export class PostgresSubmissionRepository implements SubmissionRepository {
  /** Creates without key and uploads waiting for the next batch. */
  private readonly queue: PendingCreate[] = [];
  private flushing = false;

  constructor(private readonly db: PostgresDatabase) {}

  /**
   * Creates are grouped: while one batch commits, the next ones queue and then go in together in one transaction (the
   * counters' row locks serialise a participant's creates, so one commit per create would bound the throughput by the
   * commit latency). If a batch fails, each of its creates is tried on its own, so one bad row cannot fail the others.
   */
  create(submission: NewSubmission, idempotency?: IdempotencyInput): Promise<CreateSubmissionResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, idempotency, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const results = await this.db.write((tx) => insertSubmissions(tx, batch));
          batch.forEach((pending, index) => pending.resolve(results[index]!));
        } catch (error) {
          if (batch.length === 1 || this.db.isClosed) {
            for (const pending of batch) pending.reject(error);
            continue;
          }
          await Promise.all(
            batch.map((pending) => this.db.write((tx) => insertSubmissions(tx, [pending])).then(([result]) => pending.resolve(result!), pending.reject)),
          );
        }
      }
    } finally {
      this.flushing = false;
    }
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
      await insertAuditEvent(tx, audit, at);
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
          await insertAuditEvent(
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
      await insertAuditEvent(tx, toAudit(erased), at);
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

/**
 * Inserts a batch of creates in the transaction. Creates with an Idempotency-Key first take an advisory transaction
 * lock per key (in hash order, so two batches cannot deadlock): a concurrent create with the same key in any process
 * waits until this transaction ends and then sees the key. Keys already used (also by an earlier item of the same
 * batch) give 'replayed', tombstones 'erased'; the rest go in with one statement (CREATE_BATCH), then their keys, then
 * their uploads are bound (a failed binding rolls the batch back).
 */
async function insertSubmissions(tx: PostgresTransaction, items: readonly Pick<PendingCreate, 'submission' | 'idempotency'>[]): Promise<CreateSubmissionResult[]> {
  const keyed = items.filter((item) => item.idempotency !== undefined);
  if (keyed.length === 0 && items.every((item) => (item.submission.uploadIds?.length ?? 0) === 0)) {
    const references = await insertBatch(tx, items.map((item) => item.submission));
    return items.map((item, index) => toCreated(item.submission, references[index]!));
  }
  const scopeOf = (item: Pick<PendingCreate, 'submission' | 'idempotency'>) => JSON.stringify([item.submission.tenant, item.submission.service, item.idempotency!.key]);
  const existing = new Map<string, KeyRow>();
  const summaries = new Map<string, SubmissionSummary>();
  if (keyed.length > 0) {
    await tx.all('SELECT pg_advisory_xact_lock(?, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(?::text[]) AS k ORDER BY 1) AS s', [
      IDEMPOTENCY_LOCK_CLASS,
      keyed.map(scopeOf),
    ]);
    const scope = [keyed.map((i) => i.submission.tenant), keyed.map((i) => i.submission.service), keyed.map((i) => i.idempotency!.key)];
    const rows = await tx.all<KeyRow & { tenant: string; service: string; key: string }>(
      `SELECT tenant, service, key, request_hash, submission_id FROM idempotency_keys
          JOIN unnest(?::text[], ?::text[], ?::text[]) AS u (tenant, service, key) USING (tenant, service, key)
        UNION ALL SELECT tenant, service, key, NULL, NULL FROM erased_idempotency_keys
          JOIN unnest(?::text[], ?::text[], ?::text[]) AS u (tenant, service, key) USING (tenant, service, key)`,
      [...scope, ...scope],
    );
    for (const row of rows) {
      const key = JSON.stringify([row.tenant, row.service, row.key]);
      // A tombstone wins over a live key (they cannot both exist; erasure moves the key).
      if (!existing.has(key) || row.submission_id === null) existing.set(key, row);
    }
    const ids = rows.flatMap((row) => (row.submission_id === null ? [] : [row.submission_id]));
    if (ids.length > 0) {
      for (const row of await tx.all<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE id = ANY(?::text[])`, [ids])) summaries.set(row.id, toSummary(row));
    }
  }

  const results: (CreateSubmissionResult | undefined)[] = new Array(items.length);
  const fresh: number[] = [];
  const claimed = new Map<string, number>();
  const inBatchReplays: [index: number, claimant: number][] = [];
  for (const [index, item] of items.entries()) {
    if (item.idempotency) {
      const scope = scopeOf(item);
      const claimant = claimed.get(scope);
      if (claimant !== undefined) {
        inBatchReplays.push([index, claimant]);
        continue;
      }
      const earlier = existing.get(scope);
      if (earlier?.submission_id === null) {
        results[index] = { kind: 'erased' };
        continue;
      }
      if (earlier) {
        results[index] = { kind: 'replayed', requestHash: earlier.request_hash!, submission: summaries.get(earlier.submission_id!) };
        continue;
      }
      claimed.set(scope, index);
    }
    fresh.push(index);
  }
  if (fresh.length > 0) {
    const submissions = fresh.map((index) => items[index]!.submission);
    const references = await insertBatch(tx, submissions);
    fresh.forEach((index, position) => (results[index] = toCreated(items[index]!.submission, references[position]!)));
    const withKeys = fresh.map((index) => items[index]!).filter((item) => item.idempotency);
    if (withKeys.length > 0) {
      await tx.run(
        `INSERT INTO idempotency_keys (tenant, service, key, request_hash, submission_id, created_at)
          SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])`,
        [
          withKeys.map((i) => i.submission.tenant),
          withKeys.map((i) => i.submission.service),
          withKeys.map((i) => i.idempotency!.key),
          withKeys.map((i) => i.idempotency!.requestHash),
          withKeys.map((i) => i.submission.id),
          withKeys.map((i) => i.submission.receivedAt),
        ],
      );
    }
    // Uploads reference their submission, so they are bound after the rows went in; a failed binding rolls back.
    for (const s of submissions) {
      if ((s.uploadIds?.length ?? 0) > 0) await bindUploads(tx, { id: s.id, tenant: s.tenant, service: s.service, uploadIds: s.uploadIds! }, s.receivedAt);
    }
  }
  // Items replaying a key first claimed in this same batch answer with that item's new submission.
  for (const [index, claimant] of inBatchReplays) {
    const created = results[claimant];
    results[index] = { kind: 'replayed', requestHash: items[claimant]!.idempotency!.requestHash, submission: created?.kind === 'created' ? created.submission : undefined };
  }
  return results as CreateSubmissionResult[];
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

import type { AuditEventInput } from '../AuditRepository.ts';
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
import { deleteDeliveriesOf, insertReceivedDeliveriesSql, insertStatusDeliveries, toOutboxRow } from './SqliteOutboxRepository.ts';
import { bindUploads, deleteUploadsOfSubmissions } from './SqliteUploadRepository.ts';
import type { RunSingleStatement, SqliteDatabase, WriteTransaction } from './SqliteDatabase.ts';

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

interface PendingCreates {
  items: PendingCreate[];
  /** A queued job has not yet taken the pending creates. */
  jobWaiting: boolean;
}

interface PendingCreate {
  submission: NewSubmission;
  idempotency: IdempotencyInput | undefined;
  resolve(result: CreateSubmissionResult): void;
  reject(error: unknown): void;
}

const SUMMARY_COLUMNS = 'id, tenant, service, version, status, reference, received_at, updated_at, expires_at';
const ERASE_CHUNK = 500;

/** SQLite submissions. Every query carries the tenant, so ids of other participants are never found. */
export class SqliteSubmissionRepository implements SubmissionRepository {
  /** Creates with an Idempotency-Key: they look keys up, so they go through a transaction. */
  private readonly keyed: PendingCreates = { items: [], jobWaiting: false };
  /** Creates without a key: one statement per batch (see BATCH_VIEW). */
  private readonly plain: PendingCreates = { items: [], jobWaiting: false };
  private readonly counters: ReferenceCounters = new Map();
  private batchView: Promise<void> | undefined;

  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Queues the submission; all creates that arrive until the group commit runs go into ONE write job, resolved after
   * its commit: creates without an Idempotency-Key as one single statement (counters saved and all rows inserted by
   * the BATCH_VIEW trigger), creates with a key as one transaction that first looks the keys up. If that job fails,
   * each submission is retried on its own so one bad row cannot fail the others.
   */
  create(submission: NewSubmission, idempotency?: IdempotencyInput): Promise<CreateSubmissionResult> {
    return new Promise((resolve, reject) => {
      // Creates that bind uploads need the transaction too (the binding is checked row by row).
      const pending = idempotency || (submission.uploadIds?.length ?? 0) > 0 ? this.keyed : this.plain;
      pending.items.push({ submission, idempotency, resolve, reject });
      if (!pending.jobWaiting) this.enqueueJob(pending);
    });
  }

  /** Queues one write job that, when the group commit runs it, takes up to MAX_ITEMS_PER_JOB pending creates. */
  private enqueueJob(pending: PendingCreates): void {
    pending.jobWaiting = true;
    let items: PendingCreate[] | undefined;
    const take = (): PendingCreate[] => {
      if (!items) {
        items = pending.items.splice(0, MAX_ITEMS_PER_JOB);
        pending.jobWaiting = false;
        if (pending.items.length > 0) this.enqueueJob(pending);
      }
      return items;
    };
    // The batch is taken when the job runs, so it holds everything that arrived until then.
    const insert = (batch: () => PendingCreate[]): Promise<CreateSubmissionResult[]> =>
      pending === this.keyed
        ? this.db.write((tx) => insertSubmissions(tx, this.counters, batch()))
        : this.db.writeSingleStatement((run) => insertPlainSubmissions(this.db, run, this.counters, batch()));
    const ready = pending === this.keyed ? Promise.resolve() : (this.batchView ??= this.db.write((tx) => tx.exec(BATCH_VIEW)));
    ready
      .then(() => insert(take))
      .then(
        (results) => items!.forEach((item, index) => item.resolve(results[index]!)),
        (error: unknown) => {
          const failed = take();
          if (this.db.isClosed) {
            for (const item of failed) item.reject(error);
            return;
          }
          for (const item of failed) insert(() => [item]).then((results) => item.resolve(results[0]!), item.reject);
        },
      );
  }

  async findByIdempotencyKey(tenant: string, service: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db.get<KeyRow>(FIND_KEY, [tenant, service, key, tenant, service, key]);
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
        const rows = await tx.all<{ id: string; tenant: string; service: string; version: string; received_at: string }>(
          'SELECT id, tenant, service, version, received_at FROM submissions WHERE expires_at <= ? ORDER BY expires_at LIMIT ?',
          [now, ERASE_CHUNK],
        );
        if (rows.length === 0) return 0;
        const counts = new Map<string, { tenant: string; service: string; count: number }>();
        await deleteUploadsOfSubmissions(tx, rows.map((row) => row.id), now);
        for (const row of rows) {
          await deleteDeliveriesOf(tx, { id: row.id, receivedAt: row.received_at });
          await tx.run('DELETE FROM submissions WHERE id = ?', [row.id]);
          const key = `${row.tenant}\u0000${row.service}`;
          const entry = counts.get(key) ?? { tenant: row.tenant, service: row.service, count: 0 };
          entry.count += 1;
          counts.set(key, entry);
        }
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
      const row = await tx.get<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE tenant = ? AND id = ?`, [tenant, id]);
      if (!row) return undefined;
      await tx.run(
        `INSERT INTO erased_idempotency_keys (tenant, service, key, created_at, erased_at)
          SELECT tenant, service, key, created_at, ? FROM idempotency_keys WHERE submission_id = ?`,
        [at, id],
      );
      // Explicit rather than through the foreign key's cascade, so the erasure does not depend on the pragma.
      await tx.run('DELETE FROM idempotency_keys WHERE submission_id = ?', [id]);
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

const MAX_ITEMS_PER_JOB = 256;

/** A key's earlier answer; submission_id null for the tombstone of a key whose submission was erased on request. */
interface KeyRow {
  request_hash: string | null;
  submission_id: string | null;
}

// One statement for both: a live key, or the tombstone left by an erasure on request.
const FIND_KEY = `SELECT request_hash, submission_id FROM idempotency_keys WHERE tenant = ? AND service = ? AND key = ?
  UNION ALL SELECT NULL, NULL FROM erased_idempotency_keys WHERE tenant = ? AND service = ? AND key = ?`;

/** Last reference number per `${tenant}\u0000${year}`: the committed counter plus this transaction's allocations. */
type ReferenceCounters = Map<string, number>;

// One statement for any number of rows (the rows travel as one JSON array), so the connection keeps a single
// prepared statement instead of one per batch size.
const INSERT_SUBMISSIONS = `INSERT INTO submissions (id, tenant, service, version, data, status, reference, received_at, updated_at, expires_at, status_code_hash)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'eingegangen', value ->> 5, value ->> 6, value ->> 6, value ->> 7, value ->> 8
  FROM json_each(?)`;
const INSERT_IDEMPOTENCY_KEYS = `INSERT INTO idempotency_keys (tenant, service, key, request_hash, submission_id, created_at)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`;
// max(): a counter never goes back, whatever order two jobs saving the same counter run in.
const SAVE_COUNTERS = `INSERT INTO reference_counters (tenant, year, last)
  SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
  ON CONFLICT (tenant, year) DO UPDATE SET last = max(last, excluded.last)`;
const READ_COUNTER = 'SELECT last FROM reference_counters WHERE tenant = ? AND year = ?';

/**
 * A connection-local (TEMP) view whose INSTEAD OF trigger saves the counters and inserts the rows of a batch, so a
 * batch without idempotency keys is ONE statement: atomic, durable when it returns, one call into SQLite. It lives
 * in the writer connection's temp schema only; the database file's schema is unchanged.
 */
const BATCH_VIEW = `
CREATE TEMP VIEW IF NOT EXISTS submission_batches (counters, rows, deliveries) AS SELECT NULL, NULL, NULL;
CREATE TEMP TRIGGER IF NOT EXISTS insert_submission_batch INSTEAD OF INSERT ON submission_batches
BEGIN
  ${SAVE_COUNTERS.replace('json_each(?)', 'json_each(NEW.counters)')};
  ${INSERT_SUBMISSIONS.replace('json_each(?)', 'json_each(NEW.rows)')};
  ${insertReceivedDeliveriesSql('NEW.deliveries')};
END;`;
/** The outbox rows of a keyed batch (light rows, see toOutboxRow), in the same transaction. */
const INSERT_RECEIVED_DELIVERIES = insertReceivedDeliveriesSql('?');
const INSERT_BATCH = 'INSERT INTO submission_batches (counters, rows, deliveries) VALUES (?, ?, ?)';

/**
 * Gives each item the next reference of its participant and year from the in-memory counters (a counter is read on
 * first use). The caller drops the touched counters again if its write does not commit (they are read anew).
 */
async function allocateReferences(
  counters: ReferenceCounters,
  items: readonly NewSubmission[],
  readCounter: (tenant: string, year: number) => Promise<{ last: number } | undefined>,
): Promise<{ references: string[]; touched: Map<string, [tenant: string, year: number]> }> {
  const references: string[] = [];
  const touched = new Map<string, [tenant: string, year: number]>();
  try {
    for (const { tenant, referenceYear, referencePrefix } of items) {
      const key = `${tenant}\u0000${referenceYear}`;
      touched.set(key, [tenant, referenceYear]);
      const last = (counters.get(key) ?? (await readCounter(tenant, referenceYear))?.last ?? 0) + 1;
      counters.set(key, last);
      references.push(`${referencePrefix}-${referenceYear}-${String(last).padStart(6, '0')}`);
    }
  } catch (error) {
    for (const key of touched.keys()) counters.delete(key);
    throw error;
  }
  return { references, touched };
}

function toCounterRows(counters: ReferenceCounters, touched: Map<string, [tenant: string, year: number]>): string {
  return JSON.stringify([...touched].map(([key, [tenant, year]]) => [tenant, year, counters.get(key)]));
}

function toRow(s: NewSubmission, reference: string): unknown[] {
  return [s.id, s.tenant, s.service, s.version, JSON.stringify(s.data), reference, s.receivedAt, s.expiresAt, s.statusCodeHash ?? null];
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

/**
 * Inserts submissions without idempotency keys with ONE statement (BATCH_VIEW). Counters not yet in memory are read
 * from the reader connection: every earlier write job has committed when this one runs, and only this process
 * writes counters.
 */
async function insertPlainSubmissions(
  db: SqliteDatabase,
  run: RunSingleStatement,
  counters: ReferenceCounters,
  items: readonly PendingCreate[],
): Promise<CreateSubmissionResult[]> {
  const submissions = items.map((item) => item.submission);
  const { references, touched } = await allocateReferences(counters, submissions, (tenant, year) => db.get(READ_COUNTER, [tenant, year]));
  try {
    await run(INSERT_BATCH, [
      toCounterRows(counters, touched),
      JSON.stringify(submissions.map((s, index) => toRow(s, references[index]!))),
      JSON.stringify(submissions.map((s) => toOutboxRow(s))),
    ]);
  } catch (error) {
    for (const key of touched.keys()) counters.delete(key);
    throw error;
  }
  return submissions.map((s, index) => toCreated(s, references[index]!));
}

/**
 * Inserts submissions with idempotency keys inside a write transaction: keys already used (also by an earlier item of
 * the same call) give 'replayed'; references come from the in-memory counters, saved in the same transaction; all
 * rows go in with one INSERT. If the transaction does not commit, the touched counters are dropped (read again on
 * next use).
 */
async function insertSubmissions(
  tx: WriteTransaction,
  counters: ReferenceCounters,
  items: readonly Omit<PendingCreate, 'resolve' | 'reject'>[],
): Promise<CreateSubmissionResult[]> {
  const results: (CreateSubmissionResult | undefined)[] = new Array(items.length);
  const fresh: number[] = [];
  const claimed = new Map<string, number>();
  const inCallReplays: [index: number, claimant: number][] = [];
  for (const [index, { submission, idempotency }] of items.entries()) {
    if (idempotency) {
      const scope = `${submission.tenant}\u0000${submission.service}\u0000${idempotency.key}`;
      const earlierIndex = claimed.get(scope);
      if (earlierIndex !== undefined) {
        inCallReplays.push([index, earlierIndex]);
        continue;
      }
      const scopeParams = [submission.tenant, submission.service, idempotency.key];
      const existing = await tx.get<KeyRow>(FIND_KEY, [...scopeParams, ...scopeParams]);
      if (existing?.submission_id === null) {
        results[index] = { kind: 'erased' };
        continue;
      }
      if (existing) {
        const row = await tx.get<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE id = ?`, [existing.submission_id]);
        results[index] = { kind: 'replayed', requestHash: existing.request_hash!, submission: row && toSummary(row) };
        continue;
      }
      claimed.set(scope, index);
    }
    fresh.push(index);
  }

  const allocated = await allocateReferences(
    counters,
    fresh.map((index) => items[index]!.submission),
    (tenant, year) => tx.get(READ_COUNTER, [tenant, year]),
  );
  for (const key of allocated.touched.keys()) tx.onRollback(() => counters.delete(key));
  const references = new Map(fresh.map((index, position) => [index, allocated.references[position]!]));

  if (fresh.length > 0) {
    const rows: unknown[][] = [];
    const outboxRows: unknown[][] = [];
    const keyRows: unknown[][] = [];
    for (const index of fresh) {
      const { submission: s, idempotency } = items[index]!;
      rows.push(toRow(s, references.get(index)!));
      outboxRows.push(toOutboxRow(s));
      if (idempotency) keyRows.push([s.tenant, s.service, idempotency.key, idempotency.requestHash, s.id, s.receivedAt]);
    }
    // Independent statements run concurrently (one round trip); idempotency keys reference their submission
    // (foreign key), so they go in after it.
    const settled = await Promise.allSettled([
      tx.run(SAVE_COUNTERS, [toCounterRows(counters, allocated.touched)]),
      tx.run(INSERT_SUBMISSIONS, [JSON.stringify(rows)]).then((inserted) => {
        if (inserted !== rows.length) throw new Error(`insertSubmissions: inserted ${inserted} of ${rows.length} rows`);
        return Promise.all([
          tx.run(INSERT_RECEIVED_DELIVERIES, [JSON.stringify(outboxRows)]),
          keyRows.length > 0 ? tx.run(INSERT_IDEMPOTENCY_KEYS, [JSON.stringify(keyRows)]) : 0,
        ]);
      }),
    ]);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    // Uploads reference their submission, so they are bound after the rows went in; a failed binding rolls back.
    for (const index of fresh) {
      const { submission: s } = items[index]!;
      if (s.uploadIds && s.uploadIds.length > 0) await bindUploads(tx, { id: s.id, tenant: s.tenant, service: s.service, uploadIds: s.uploadIds }, s.receivedAt);
    }
  }
  for (const index of fresh) results[index] = toCreated(items[index]!.submission, references.get(index)!);
  // Items replaying a key first claimed in this same call answer with that item's new submission.
  for (const [index, claimant] of inCallReplays) {
    const created = results[claimant];
    results[index] = { kind: 'replayed', requestHash: items[claimant]!.idempotency!.requestHash, submission: created?.kind === 'created' ? created.submission : undefined };
  }
  return results as CreateSubmissionResult[];
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

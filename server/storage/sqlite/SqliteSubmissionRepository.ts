import type { AuditEventInput } from '../AuditRepository.ts';
import type {
  CreateSubmissionResult,
  IdempotencyInput,
  NewSubmission,
  StatusChangeResult,
  Submission,
  SubmissionFilter,
  SubmissionRepository,
  SubmissionStatus,
  SubmissionSummary,
} from '../SubmissionRepository.ts';
import { insertAuditEvent } from './insertAuditEvent.ts';
import type { SqliteDatabase, WriteTransaction } from './SqliteDatabase.ts';

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
  private pending: PendingCreate[] = [];
  /** A queued job has not yet taken the pending creates. */
  private jobWaiting = false;

  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Queues the submission; all creates that arrive until the group commit runs go into ONE write job (one counter
   * update per participant and year, multi-row INSERTs), resolved after its commit. If that job fails, each
   * submission is retried in its own transaction so one bad row cannot fail the others.
   */
  create(submission: NewSubmission, idempotency?: IdempotencyInput): Promise<CreateSubmissionResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ submission, idempotency, resolve, reject });
      if (!this.jobWaiting) this.enqueueJob();
    });
  }

  /** Queues one write job that, when the group commit runs it, takes up to MAX_ITEMS_PER_JOB pending creates. */
  private enqueueJob(): void {
    this.jobWaiting = true;
    let items: PendingCreate[] | undefined;
    const take = (): PendingCreate[] => {
      if (!items) {
        items = this.pending.splice(0, MAX_ITEMS_PER_JOB);
        this.jobWaiting = false;
        if (this.pending.length > 0) this.enqueueJob();
      }
      return items;
    };
    this.db.write((tx) => insertSubmissions(tx, take())).then(
      (results) => items!.forEach((item, index) => item.resolve(results[index]!)),
      (error: unknown) => {
        const failed = take();
        if (this.db.isClosed) {
          for (const item of failed) item.reject(error);
          return;
        }
        for (const item of failed) this.db.write((tx) => insertSubmissions(tx, [item])).then((results) => item.resolve(results[0]!), item.reject);
      },
    );
  }

  async findByIdempotencyKey(tenant: string, service: string, key: string) {
    const row = await this.db.get<{ request_hash: string; submission_id: string }>(
      'SELECT request_hash, submission_id FROM idempotency_keys WHERE tenant = ? AND service = ? AND key = ?',
      [tenant, service, key],
    );
    if (!row) return undefined;
    const submission = await this.db.get<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE id = ? AND tenant = ?`, [row.submission_id, tenant]);
    return { requestHash: row.request_hash, submission: submission && toSummary(submission) };
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

  changeStatus(tenant: string, id: string, from: SubmissionStatus, to: SubmissionStatus, at: string, audit: AuditEventInput): Promise<StatusChangeResult> {
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
      return { kind: 'changed', submission: toSummary(updated) };
    });
  }

  async eraseExpired(now: string): Promise<number> {
    let total = 0;
    for (;;) {
      const erased = await this.db.write(async (tx) => {
        const rows = await tx.all<{ id: string; tenant: string; service: string; version: string }>(
          'SELECT id, tenant, service, version FROM submissions WHERE expires_at <= ? ORDER BY expires_at LIMIT ?',
          [now, ERASE_CHUNK],
        );
        if (rows.length === 0) return 0;
        const counts = new Map<string, { tenant: string; service: string; count: number }>();
        for (const row of rows) {
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

  forgetIdempotencyKeys(before: string): Promise<number> {
    return this.db.write((tx) => tx.run('DELETE FROM idempotency_keys WHERE created_at < ?', [before]));
  }
}

const INSERT_CHUNK = 200;
const MAX_ITEMS_PER_JOB = 256;

/**
 * Inserts submissions inside a write transaction: idempotency keys already used (also by an earlier item of the same
 * call) give 'replayed'; references are allocated per participant and year with one counter update each; rows go in
 * with multi-row INSERTs.
 */
async function insertSubmissions(tx: WriteTransaction, items: readonly Omit<PendingCreate, 'resolve' | 'reject'>[]): Promise<CreateSubmissionResult[]> {
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
      const existing = await tx.get<{ request_hash: string; submission_id: string }>(
        'SELECT request_hash, submission_id FROM idempotency_keys WHERE tenant = ? AND service = ? AND key = ?',
        [submission.tenant, submission.service, idempotency.key],
      );
      if (existing) {
        const row = await tx.get<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} FROM submissions WHERE id = ?`, [existing.submission_id]);
        results[index] = { kind: 'replayed', requestHash: existing.request_hash, submission: row && toSummary(row) };
        continue;
      }
      claimed.set(scope, index);
    }
    fresh.push(index);
  }
  const perCounter = new Map<string, number[]>();
  for (const index of fresh) {
    const { tenant, referenceYear } = items[index]!.submission;
    const key = `${tenant}\u0000${referenceYear}`;
    perCounter.set(key, [...(perCounter.get(key) ?? []), index]);
  }
  const references = new Map<number, string>();
  for (const indexes of perCounter.values()) {
    const { tenant, referenceYear, referencePrefix } = items[indexes[0]!]!.submission;
    const counter = await tx.get<{ last: number }>(
      `INSERT INTO reference_counters (tenant, year, last) VALUES (?, ?, ?)
       ON CONFLICT (tenant, year) DO UPDATE SET last = last + excluded.last RETURNING last`,
      [tenant, referenceYear, indexes.length],
    );
    const first = counter!.last - indexes.length + 1;
    indexes.forEach((index, offset) => references.set(index, `${referencePrefix}-${referenceYear}-${String(first + offset).padStart(6, '0')}`));
  }
  for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
    const chunk = fresh.slice(start, start + INSERT_CHUNK);
    const params: unknown[] = [];
    for (const index of chunk) {
      const s = items[index]!.submission;
      params.push(s.id, s.tenant, s.service, s.version, JSON.stringify(s.data), references.get(index), s.receivedAt, s.receivedAt, s.expiresAt);
    }
    await tx.run(
      `INSERT INTO submissions (id, tenant, service, version, data, status, reference, received_at, updated_at, expires_at) VALUES ${chunk
        .map(() => "(?, ?, ?, ?, ?, 'eingegangen', ?, ?, ?, ?)")
        .join(', ')}`,
      params,
    );
    const keyed = chunk.filter((index) => items[index]!.idempotency);
    if (keyed.length > 0) {
      const keyParams: unknown[] = [];
      for (const index of keyed) {
        const { submission: s, idempotency } = items[index]!;
        keyParams.push(s.tenant, s.service, idempotency!.key, idempotency!.requestHash, s.id, s.receivedAt);
      }
      await tx.run(
        `INSERT INTO idempotency_keys (tenant, service, key, request_hash, submission_id, created_at) VALUES ${keyed.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        keyParams,
      );
    }
  }
  for (const index of fresh) {
    const s = items[index]!.submission;
    results[index] = {
      kind: 'created',
      submission: {
        id: s.id,
        tenant: s.tenant,
        service: s.service,
        version: s.version,
        status: 'eingegangen',
        reference: references.get(index)!,
        receivedAt: s.receivedAt,
        updatedAt: s.receivedAt,
        expiresAt: s.expiresAt,
      },
    };
  }
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

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteConnection, type SqlParams } from './SqliteConnection.ts';

/** The statements a write job may run; all of them belong to the batch's transaction. */
export interface WriteTransaction {
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  run(sql: string, params?: SqlParams): Promise<number>;
  /** Runs a parameterless script (migrations). */
  exec(sql: string): Promise<void>;
}

/** A unit of work inside a write transaction. It may run again (alone) if another job of its batch failed. */
export type WriteJob<T> = (tx: WriteTransaction) => Promise<T>;

interface QueuedJob {
  work: WriteJob<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const CONNECTION_PRAGMAS = ['busy_timeout = 5000', 'foreign_keys = ON', 'synchronous = FULL'];

/**
 * The SQLite database of the server: one writer connection and one reader connection on a WAL file.
 *
 * Writes are queued and committed together (group commit): jobs queued during one event-loop turn, and those that
 * arrive while a commit is being synced, share one `BEGIN IMMEDIATE ... COMMIT` (at most `maxBatch` jobs), so
 * concurrent submissions cost one fsync per batch instead of one each. A job's promise settles only after its
 * transaction committed (synchronous=FULL: durable). If a job throws, the batch is rolled back and every job of it
 * runs again in its own transaction, so one failing job never takes others down with it.
 * Reads go to the reader connection and see only committed data.
 */
export class SqliteDatabase {
  private readonly queue: QueuedJob[] = [];
  private flushScheduled = false;
  private flushing = false;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly writer: SqliteConnection,
    private readonly reader: SqliteConnection,
    private readonly maxBatch: number,
  ) {}

  /** Opens (creating directory and file when missing) the database in WAL mode with synchronous=FULL. */
  static async open(file: string, options: { maxBatch?: number } = {}): Promise<SqliteDatabase> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const writer = await SqliteConnection.open(file, CONNECTION_PRAGMAS);
    await writer.exec('PRAGMA journal_mode = WAL');
    const reader = await SqliteConnection.open(file, [...CONNECTION_PRAGMAS, 'query_only = ON']);
    return new SqliteDatabase(file, writer, reader, options.maxBatch ?? 256);
  }

  /** True after close(); writes are refused. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Reads all rows of a query from committed data. */
  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.reader.all<T>(sql, params);
  }

  /** Reads the first row of a query from committed data. */
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.reader.get<T>(sql, params);
  }

  /** Queues a write job; resolves with its result once its transaction is committed. */
  write<T>(work: WriteJob<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`SqliteDatabase ${this.file} is closed`));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  /** Result of PRAGMA integrity_check: 'ok' when the file is sound. */
  async checkIntegrity(): Promise<string> {
    const rows = await this.reader.all<{ integrity_check: string }>('PRAGMA integrity_check');
    return rows.map((row) => row.integrity_check).join('\n');
  }

  /** Waits for queued writes, then closes both connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.write(async () => undefined).catch(() => undefined);
    this.closed = true;
    await this.reader.close();
    await this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
    await this.writer.close();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing) return;
    this.flushScheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        await this.commitBatch(this.queue.splice(0, this.maxBatch));
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commitBatch(batch: QueuedJob[]): Promise<void> {
    if (batch.length > 1) {
      const results = await this.runInTransaction(batch.map((job) => job.work));
      if (results.ok) {
        batch.forEach((job, index) => job.resolve(results.values[index]));
        return;
      }
      if (results.commitError) {
        for (const job of batch) job.reject(results.commitError);
        return;
      }
    }
    // A single job, or a batch in which a job failed: each job on its own.
    for (const job of batch) {
      const result = await this.runInTransaction([job.work]);
      if (result.ok) job.resolve(result.values[0]);
      else job.reject(result.commitError ?? result.jobError);
    }
  }

  private async runInTransaction(
    works: WriteJob<unknown>[],
  ): Promise<{ ok: true; values: unknown[] } | { ok: false; jobError?: unknown; commitError?: unknown }> {
    const tx: WriteTransaction = {
      all: (sql, params) => this.writer.all(sql, params),
      get: (sql, params) => this.writer.get(sql, params),
      run: (sql, params) => this.writer.run(sql, params),
      exec: (sql) => this.writer.exec(sql),
    };
    try {
      await this.writer.exec('BEGIN IMMEDIATE');
    } catch (error) {
      return { ok: false, commitError: error };
    }
    const values: unknown[] = [];
    for (const work of works) {
      try {
        values.push(await work(tx));
      } catch (error) {
        await this.writer.exec('ROLLBACK').catch(() => undefined);
        return { ok: false, jobError: error };
      }
    }
    try {
      await this.writer.exec('COMMIT');
    } catch (error) {
      await this.writer.exec('ROLLBACK').catch(() => undefined);
      return { ok: false, commitError: error };
    }
    return { ok: true, values };
  }
}

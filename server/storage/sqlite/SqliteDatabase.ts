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
  /**
   * Registers a callback for when this transaction does not commit (rolled back, or COMMIT failed), so a job can
   * drop in-memory state it derived from its uncommitted writes. Runs before the job is retried or rejected.
   */
  onRollback(callback: () => void): void;
}

/** A unit of work inside a write transaction. It may run again (alone) if another job of its batch failed. */
export type WriteJob<T> = (tx: WriteTransaction) => Promise<T>;

/** The one statement a single-statement job may run (SQLite makes it atomic; it commits when it returns). */
export type RunSingleStatement = (sql: string, params?: SqlParams) => Promise<number>;

/** A write job of one statement, run outside BEGIN...COMMIT. */
export type SingleStatementJob<T> = (run: RunSingleStatement) => Promise<T>;

type QueuedJob = {
  resolve(value: unknown): void;
  reject(error: unknown): void;
} & ({ alone: false; work: WriteJob<unknown> } | { alone: true; work: SingleStatementJob<unknown> });

const CONNECTION_PRAGMAS = ['busy_timeout = 5000', 'foreign_keys = ON', 'synchronous = FULL'];
// Commits never checkpoint (that would copy WAL pages into the database file and fsync it inside a commit, making
// every thousandth batch wait); a separate connection checkpoints in the background instead.
const WRITER_PRAGMAS = [...CONNECTION_PRAGMAS, 'wal_autocheckpoint = 0'];
/** Delay from a commit to the background checkpoint; commits in between share it. */
const CHECKPOINT_DELAY_MS = 100;

/**
 * The SQLite database of the server: one writer connection and one reader connection on a WAL file.
 *
 * Writes are queued and committed together (group commit): jobs queued during one event-loop turn, and those that
 * arrive while a commit is being synced, share one `BEGIN IMMEDIATE ... COMMIT` (at most `maxBatch` jobs), so
 * concurrent submissions cost one fsync per batch instead of one each. A job's promise settles only after its
 * transaction committed (synchronous=FULL: durable). If a job throws, the batch is rolled back and every job of it
 * runs again in its own transaction, so one failing job never takes others down with it.
 * A single-statement job (writeSingleStatement) runs alone in its own implicit transaction: one call into SQLite
 * instead of three (BEGIN, statement, COMMIT), each of which is a hop to a worker thread and back.
 * Reads go to the reader connection and see only committed data. A third connection copies committed WAL pages into
 * the database file (PASSIVE checkpoint) shortly after commits, off the commit path, so it never delays a commit.
 */
export class SqliteDatabase {
  private readonly queue: QueuedJob[] = [];
  private flushScheduled = false;
  private flushing = false;
  private closed = false;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private checkpointRunning: Promise<void> | undefined;
  private checkpointWanted = false;

  private constructor(
    readonly file: string,
    private readonly writer: SqliteConnection,
    private readonly reader: SqliteConnection,
    private readonly checkpointer: SqliteConnection | undefined,
    private readonly maxBatch: number,
  ) {}

  /** Opens (creating directory and file when missing) the database in WAL mode with synchronous=FULL. */
  static async open(file: string, options: { maxBatch?: number } = {}): Promise<SqliteDatabase> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const writer = await SqliteConnection.open(file, WRITER_PRAGMAS);
    await writer.exec('PRAGMA journal_mode = WAL');
    const reader = await SqliteConnection.open(file, [...CONNECTION_PRAGMAS, 'query_only = ON']);
    const checkpointer = file === ':memory:' ? undefined : await SqliteConnection.open(file, CONNECTION_PRAGMAS);
    return new SqliteDatabase(file, writer, reader, checkpointer, options.maxBatch ?? 256);
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
      this.queue.push({ alone: false, work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  /**
   * Queues a write job that runs exactly one statement (a second call of `run` throws), in order with the other
   * write jobs but outside any BEGIN...COMMIT: SQLite runs a single statement atomically (all its changes, also
   * those of triggers, or none) and, with synchronous=FULL, durably once it returns. Resolves after that commit.
   */
  writeSingleStatement<T>(work: SingleStatementJob<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`SqliteDatabase ${this.file} is closed`));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ alone: true, work, resolve: resolve as (value: unknown) => void, reject });
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
    clearTimeout(this.checkpointTimer);
    await this.checkpointRunning;
    await this.checkpointer?.close();
    await this.reader.close();
    await this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
    await this.writer.close();
  }

  /** After a commit: checkpoint in the background soon; commits during a running checkpoint get another one after it. */
  private scheduleCheckpoint(): void {
    if (!this.checkpointer || this.closed) return;
    if (this.checkpointTimer || this.checkpointRunning) {
      this.checkpointWanted = true;
      return;
    }
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      this.checkpointWanted = false;
      this.checkpointRunning = this.checkpointer!.exec('PRAGMA wal_checkpoint(PASSIVE)')
        // A failed PASSIVE checkpoint loses nothing (the pages stay in the WAL); the next one retries.
        .catch(() => undefined)
        .finally(() => {
          this.checkpointRunning = undefined;
          if (this.checkpointWanted) this.scheduleCheckpoint();
        });
    }, CHECKPOINT_DELAY_MS);
    this.checkpointTimer.unref();
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
        const first = this.queue[0]!;
        if (first.alone) {
          this.queue.shift();
          await this.runSingleStatement(first);
          continue;
        }
        const end = this.queue.findIndex((job, index) => job.alone || index >= this.maxBatch);
        await this.commitBatch(this.queue.splice(0, end < 0 ? this.maxBatch : end) as Extract<QueuedJob, { alone: false }>[]);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async runSingleStatement(job: Extract<QueuedJob, { alone: true }>): Promise<void> {
    let ran = false;
    const run: RunSingleStatement = (sql, params) => {
      if (ran) return Promise.reject(new Error('writeSingleStatement: a single-statement job ran a second statement'));
      ran = true;
      return this.writer.run(sql, params);
    };
    try {
      const value = await job.work(run);
      if (ran) this.scheduleCheckpoint();
      job.resolve(value);
    } catch (error) {
      job.reject(error);
    }
  }

  private async commitBatch(batch: Extract<QueuedJob, { alone: false }>[]): Promise<void> {
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
    const rollbackCallbacks: (() => void)[] = [];
    const tx: WriteTransaction = {
      all: (sql, params) => this.writer.all(sql, params),
      get: (sql, params) => this.writer.get(sql, params),
      run: (sql, params) => this.writer.run(sql, params),
      exec: (sql) => this.writer.exec(sql),
      onRollback: (callback) => void rollbackCallbacks.push(callback),
    };
    const rolledBack = () => {
      for (const callback of rollbackCallbacks) callback();
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
        rolledBack();
        return { ok: false, jobError: error };
      }
    }
    try {
      await this.writer.exec('COMMIT');
    } catch (error) {
      await this.writer.exec('ROLLBACK').catch(() => undefined);
      rolledBack();
      return { ok: false, commitError: error };
    }
    this.scheduleCheckpoint();
    return { ok: true, values };
  }
}

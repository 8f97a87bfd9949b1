import type pg from 'pg';
import type { SqlParams } from '../sqlite/SqliteConnection.ts';

/** The pg module, loaded with the first PostgreSQL connection (a server on SQLite never loads it). */
async function loadPg(): Promise<typeof pg> {
  const { default: module } = await import('pg');
  // int8 (COUNT(*), bigint columns) as numbers: every bigint of this schema is a count, a cent amount or a sequence
  // far below 2^53. The pg module's parser table is global; setting it again is harmless.
  module.types.setTypeParser(module.types.builtins.INT8, (value) => Number(value));
  return module;
}

/** The statements a transaction may run (the same shape as SQLite's WriteTransaction, `?` placeholders allowed). */
export interface PostgresTransaction {
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
  /** Runs a parameterless script (migrations). */
  exec(sql: string): Promise<void>;
}

/** SQLSTATEs after which a transaction may simply run again: serialization failure and deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/**
 * A PostgreSQL database behind a connection pool. Repositories write SQL with `?` placeholders as for SQLite; they are
 * rewritten to `$1, $2, ...` once per statement text. `write` runs a unit of work in its own transaction (READ
 * COMMITTED) and runs it again after a serialization failure or deadlock; commits are durable (synchronous_commit on).
 */
export class PostgresDatabase {
  private readonly texts = new Map<string, string>();
  private closed = false;

  private constructor(
    readonly url: string,
    private readonly pool: pg.Pool,
  ) {}

  /** Connects a pool to `url` (postgres://... or postgresql://...; `?host=/socket/dir` for a unix socket). */
  static async open(url: string, options: { maxConnections?: number } = {}): Promise<PostgresDatabase> {
    const pool = new (await loadPg()).Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const client = await pool.connect().catch((error: Error) => {
      void pool.end();
      throw new Error(`Cannot connect to PostgreSQL ${redactUrl(url)}: ${error.message}`);
    });
    client.release();
    return new PostgresDatabase(url, pool);
  }

  /** True after close(). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs a query outside an explicit transaction and returns its rows. */
  async all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    const result = await this.pool.query(this.text(sql), params as unknown[]);
    return result.rows as T[];
  }

  /** The first row of a query, or undefined. */
  async get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs one statement in its own implicit transaction and returns the number of changed rows. */
  async run(sql: string, params: SqlParams = []): Promise<number> {
    const result = await this.pool.query(this.text(sql), params as unknown[]);
    return result.rowCount ?? 0;
  }

  /**
   * Runs `work` in one transaction on one pooled connection and resolves after COMMIT. A serialization failure or
   * deadlock rolls back and runs `work` again (at most five times), so `work` must not keep state from a failed try.
   */
  async write<T>(work: (tx: PostgresTransaction) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('PostgresDatabase is closed');
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await work(this.transactionOn(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        if (attempt < MAX_ATTEMPTS && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  /** 'ok' when the database answers (PostgreSQL checks its pages itself; there is no integrity_check). */
  async checkIntegrity(): Promise<string> {
    const row = await this.get<{ ok: number }>('SELECT 1 AS ok');
    return row?.ok === 1 ? 'ok' : 'no answer';
  }

  /** Ends the pool (waits for checked-out clients). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private transactionOn(client: pg.PoolClient): PostgresTransaction {
    const query = (sql: string, params: SqlParams = []) => client.query(this.text(sql), params as unknown[]);
    return {
      all: async <T>(sql: string, params?: SqlParams) => (await query(sql, params)).rows as T[],
      get: async <T>(sql: string, params?: SqlParams) => (await query(sql, params)).rows[0] as T | undefined,
      run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
      exec: async (sql) => void (await client.query(sql)),
    };
  }

  /** `?` placeholders (outside quotes) become `$n`; cached per statement text. */
  private text(sql: string): string {
    let text = this.texts.get(sql);
    if (text === undefined) {
      text = numberPlaceholders(sql);
      this.texts.set(sql, text);
    }
    return text;
  }
}

/** Rewrites `?` outside single-quoted literals, double-quoted identifiers and comments into `$1`, `$2`, ... */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      out += `$${++n}`;
    } else {
      out += c;
    }
  }
  return out;
}

/** The URL without its password, for error messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

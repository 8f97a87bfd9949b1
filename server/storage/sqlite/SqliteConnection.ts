import sqlite3 from 'sqlite3';

export type SqlParams = readonly unknown[];

/**
 * One sqlite3 connection with promise methods and a cache of prepared statements (statements are reused for the
 * life of the connection; preparing costs more than running the small statements of this server).
 */
export class SqliteConnection {
  private readonly statements = new Map<string, sqlite3.Statement>();

  private constructor(private readonly db: sqlite3.Database) {}

  /** Opens (and creates) the database file and applies the connection pragmas. */
  static async open(file: string, pragmas: readonly string[]): Promise<SqliteConnection> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (error) =>
        error ? reject(new Error(`Cannot open SQLite database ${file}: ${error.message}`)) : resolve(opened),
      );
    });
    const connection = new SqliteConnection(db);
    for (const pragma of pragmas) await connection.exec(`PRAGMA ${pragma}`);
    return connection;
  }

  /** Runs one or more statements without parameters (migrations, pragmas, transaction control). */
  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (error) => (error ? reject(error) : resolve())));
  }

  /** Runs a statement and returns all result rows (also for INSERT/UPDATE ... RETURNING). */
  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    const statement = this.prepare(sql);
    return new Promise((resolve, reject) =>
      statement.all(params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))),
    );
  }

  /** The first result row or undefined; runs the statement to completion so no read transaction stays open. */
  async get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs a statement and returns the number of changed rows. */
  run(sql: string, params: SqlParams = []): Promise<number> {
    const statement = this.prepare(sql);
    return new Promise((resolve, reject) =>
      statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve(this.changes);
      }),
    );
  }

  /** Finalizes the cached statements and closes the connection. */
  async close(): Promise<void> {
    for (const statement of this.statements.values()) {
      await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    }
    this.statements.clear();
    await new Promise<void>((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }

  private prepare(sql: string): sqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      // Preparation errors surface through the first run/all callback; this listener keeps them from being unhandled.
      statement.on('error', () => undefined);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

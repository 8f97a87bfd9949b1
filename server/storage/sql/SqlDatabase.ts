import type { SqlParams } from '../sqlite/SqliteConnection.ts';

/** The statements of a write transaction, as both backends offer them (`?` placeholders). */
export interface SqlTransaction {
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  run(sql: string, params?: SqlParams): Promise<number>;
}

/**
 * What SQLite's and PostgreSQL's databases share: reads of committed data and write transactions. Repositories whose
 * SQL is the same in both dialects are written once against it (server/storage/sql/); the others have one
 * implementation per backend.
 */
export interface SqlDatabase {
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  write<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}

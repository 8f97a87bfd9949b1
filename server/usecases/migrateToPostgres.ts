import { copySqliteToPostgres, type CopyOptions, type TableCopyResult } from '../storage/postgres/copySqliteToPostgres.ts';
import { redactUrl } from '../storage/postgres/PostgresDatabase.ts';

export type { TableCopyResult };

/**
 * Moves a Kreis from its SQLite file into an empty PostgreSQL database: migrates the target, copies every table and
 * returns the per-table comparison (row counts and content hashes). `target` is the URL without its password, for
 * printing.
 */
export async function migrateToPostgres(options: CopyOptions): Promise<{ target: string; results: TableCopyResult[] }> {
  return { target: redactUrl(options.postgresUrl), results: await copySqliteToPostgres(options) };
}

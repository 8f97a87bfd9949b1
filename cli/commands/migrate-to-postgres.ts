import { join, resolve } from 'node:path';
import { loadConfig } from '../../server/loadConfig.ts';
import { migrateToPostgres, type TableCopyResult } from '../../server/usecases/migrateToPostgres.ts';

export const summary = 'Copy the SQLite database into an empty PostgreSQL database and verify it: [--from file.sqlite] [--to postgres://...]';

/**
 * Moves a Kreis from the embedded SQLite database (DATA_DIR/kreisform.sqlite or --from) to PostgreSQL (DATABASE_URL
 * or --to): the target must be empty; the PostgreSQL migrations are applied, every table is copied and then compared
 * (row count and content hash per table). Exit code 0 only when every table matches. Stop the server first: rows
 * written during the copy would be missing.
 */
export async function run(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (typeof options === 'string') {
    console.error(`migrate-to-postgres: ${options}\nUsage: npm run forms -- migrate-to-postgres [--from data/kreisform.sqlite] [--to postgres://user@host/db]`);
    return 2;
  }
  const config = loadConfig();
  const from = options.from ? resolve(options.from) : join(config.dataDir, 'kreisform.sqlite');
  const to = options.to ?? config.databaseUrl;
  if (!to) {
    console.error('migrate-to-postgres: no target: set DATABASE_URL or pass --to postgres://...');
    return 2;
  }
  if (!/^postgres(ql)?:\/\//.test(to)) {
    console.error('migrate-to-postgres: the target must be a postgres:// or postgresql:// URL');
    return 2;
  }
  console.log(`Copying ${from} ...`);
  const started = Date.now();
  const { target, results } = await migrateToPostgres({
    sqliteFile: from,
    postgresUrl: to,
    onTable: (table, rows) => console.log(`  copied ${table}: ${rows} rows`),
  });
  console.log(`Target: ${target}`);
  console.log(formatResults(results));
  const failed = results.filter((result) => !result.ok);
  console.log(
    failed.length === 0
      ? `All ${results.length} tables match (${((Date.now() - started) / 1000).toFixed(1)} s).`
      : `MISMATCH in ${failed.map((result) => result.table).join(', ')}.`,
  );
  return failed.length === 0 ? 0 : 1;
}

/** The verification table: one line per table with both row counts, the hash prefix and the verdict. */
export function formatResults(results: readonly TableCopyResult[]): string {
  const header = ['table', 'sqlite rows', 'postgres rows', 'content hash (sha256)', 'check'];
  const lines = results.map((result) => [
    result.table,
    String(result.sourceRows),
    String(result.targetRows),
    result.sourceHash === result.targetHash ? result.sourceHash.slice(0, 16) : `${result.sourceHash.slice(0, 16)} != ${result.targetHash.slice(0, 16)}`,
    result.ok ? 'ok' : 'MISMATCH',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

function parseOptions(args: string[]): { from?: string; to?: string } | string {
  const options: { from?: string; to?: string } = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if ((name !== '--from' && name !== '--to') || value === undefined) return `unexpected argument "${name ?? ''}"`;
    options[name.slice(2) as 'from' | 'to'] = value;
  }
  return options;
}

import type { Migration } from '../sqlite/migrations/Migration.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

/** Any constant: the advisory lock that serialises migrations of processes starting at once on one database. */
const MIGRATION_LOCK = 7_340_101;

/**
 * Applies the PostgreSQL migrations not yet recorded in `schema_migrations`, in ascending order, each in its own
 * transaction with its record, while holding an advisory lock so several server processes starting together migrate
 * once. Throws on duplicate versions and when the database has a migration this build does not know.
 */
export async function applyPostgresMigrations(db: PostgresDatabase, migrations: readonly Migration[]): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) {
      throw new Error(`Two migrations share version ${sorted[i]!.version}: "${sorted[i - 1]!.name}" and "${sorted[i]!.name}"`);
    }
  }
  return db.write(async (tx) => {
    await tx.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    const known = new Set(sorted.map((migration) => migration.version));
    const unknown = [...applied].filter((version) => !known.has(version));
    if (unknown.length > 0) throw new Error(`The PostgreSQL database has migrations this build does not know: ${unknown.join(', ')}`);
    const done: number[] = [];
    for (const migration of sorted) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      done.push(migration.version);
    }
    return done;
  });
}

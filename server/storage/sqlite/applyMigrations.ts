import type { Migration } from './migrations/Migration.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in ascending order, each in its own transaction
 * together with its record. Returns the versions applied. Throws on duplicate versions (a programming error) and when
 * the database has a migration this code does not know (an older build on a newer database).
 */
export async function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) {
      throw new Error(`Two migrations share version ${sorted[i]!.version}: "${sorted[i - 1]!.name}" and "${sorted[i]!.name}"`);
    }
  }
  await db.write((tx) =>
    tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT'),
  );
  const applied = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
  const known = new Set(sorted.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new Error(`Database ${db.file} has migrations this build does not know: ${unknown.join(', ')}`);
  }
  const done: number[] = [];
  for (const migration of sorted) {
    if (applied.has(migration.version)) continue;
    await db.write(async (tx) => {
      const already = await tx.get('SELECT 1 FROM schema_migrations WHERE version = ?', [migration.version]);
      if (already) return;
      await tx.exec(migration.sql);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
    done.push(migration.version);
  }
  return done;
}

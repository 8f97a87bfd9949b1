import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStorage, type TestStorage } from './openTestStorage.ts';

interface Readable {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}
const dbOf = (opened: TestStorage) => (opened.storage as unknown as { db: Readable }).db;

/** Tables with their columns in order (name and NOT NULL) and their named indexes, as each backend reports them. */
async function sqliteSchema(db: Readable): Promise<Record<string, { columns: string[]; indexes: string[] }>> {
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const schema: Record<string, { columns: string[]; indexes: string[] }> = {};
  for (const { name } of tables) {
    const columns = await db.all<{ name: string; notnull: number; pk: number }>(`SELECT name, "notnull", pk FROM pragma_table_info('${name}')`);
    const indexes = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name", [name]);
    schema[name] = {
      // SQLite lets a non-INTEGER primary key column be NULL unless declared NOT NULL; PostgreSQL never does.
      columns: columns.map((c) => `${c.name}${c.notnull === 1 || c.pk > 0 ? ' not null' : ''}`),
      indexes: indexes.map((i) => i.name),
    };
  }
  return schema;
}

async function postgresSchema(db: Readable): Promise<Record<string, { columns: string[]; indexes: string[] }>> {
  const tables = await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name COLLATE \"C\"");
  const schema: Record<string, { columns: string[]; indexes: string[] }> = {};
  for (const { name } of tables) {
    const columns = await db.all<{ name: string; is_nullable: string }>(
      "SELECT column_name AS name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
      [name],
    );
    const indexes = await db.all<{ name: string }>(
      `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relname = ? AND NOT x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
       ORDER BY i.relname COLLATE "C"`,
      [name],
    );
    schema[name] = { columns: columns.map((c) => `${c.name}${c.is_nullable === 'NO' ? ' not null' : ''}`), indexes: indexes.map((i) => i.name) };
  }
  return schema;
}

describe('schema parity of the two backends', () => {
  let sqlite: TestStorage;
  let postgres: TestStorage;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([openTestStorage('sqlite'), openTestStorage('postgres')]);
  });
  afterAll(async () => {
    await Promise.all([sqlite.dispose(), postgres.dispose()]);
  });

  it('When both backends are migrated, then they have the same tables with the same columns in the same order', async () => {
    const [left, right] = await Promise.all([sqliteSchema(dbOf(sqlite)), postgresSchema(dbOf(postgres))]);
    expect(Object.keys(left)).toContain('login_failures');
    expect(Object.keys(left).length).toBeGreaterThan(20);
    expect(Object.keys(right).sort()).toEqual(Object.keys(left).sort());
    for (const table of Object.keys(left)) expect({ table, columns: right[table]?.columns }).toEqual({ table, columns: left[table]!.columns });
  });

  it('When both backends are migrated, then each table has the same named indexes (users_by_email stands for COLLATE NOCASE)', async () => {
    const [left, right] = await Promise.all([sqliteSchema(dbOf(sqlite)), postgresSchema(dbOf(postgres))]);
    for (const table of Object.keys(left)) {
      const expected = table === 'users' ? [...left[table]!.indexes, 'users_by_email'].sort() : left[table]!.indexes;
      expect({ table, indexes: right[table]?.indexes }).toEqual({ table, indexes: expected });
    }
  });
});

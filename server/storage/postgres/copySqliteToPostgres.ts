import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createSqliteStorage } from '../sqlite/createSqliteStorage.ts';
import type { SqliteDatabase } from '../sqlite/SqliteDatabase.ts';
import { applyPostgresMigrations } from './applyPostgresMigrations.ts';
import { POSTGRES_MIGRATIONS } from './migrations/POSTGRES_MIGRATIONS.ts';
import { PostgresDatabase, type PostgresTransaction } from './PostgresDatabase.ts';

/** The outcome for one table: rows and content hash on both sides. */
export interface TableCopyResult {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceHash: string;
  targetHash: string;
  ok: boolean;
}

export interface CopyOptions {
  /** The SQLite file (brought to the current schema first, as a server start would). */
  sqliteFile: string;
  /** postgres://... of an empty database (its migrations are applied first). */
  postgresUrl: string;
  /** Rows per INSERT (default 1000; fewer for wide tables, PostgreSQL takes at most 65535 parameters). */
  batchSize?: number;
  /** Called after each table is copied. */
  onTable?: (table: string, rows: number) => void;
}

/** Tables both migration sets maintain themselves. */
const NOT_COPIED = new Set(['schema_migrations']);
/**
 * Tables whose rows a migration inserts (migration 100 generates the payment key). In an empty target they hold only
 * those rows; they are replaced by the source's rows (the Kreis keeps its key, so signed return addresses stay valid).
 */
const SEEDED_BY_MIGRATIONS = new Set(['payment_keys']);

interface Column {
  name: string;
  /** Position in the primary key (1-based), 0 when not part of it. */
  pk: number;
}

interface Table {
  name: string;
  columns: Column[];
  /** Primary key columns in key order (`rowid` for a table without a declared key). */
  key: string[];
  /** Tables this one references. */
  references: string[];
}

type Value = string | number | Buffer | null;
type Row = Record<string, Value>;

/**
 * Copies every table of an SQLite database into an empty PostgreSQL database: applies the PostgreSQL migrations,
 * refuses a target that already holds data, copies the tables in foreign-key order in batches (one transaction for
 * the whole copy), moves identity sequences past the copied keys and finally compares per table the row count and a
 * content hash computed the same way from both sides (rows in primary-key order). Throws when the schemas differ.
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<TableCopyResult[]> {
  if (!existsSync(options.sqliteFile)) throw new Error(`There is no SQLite database at ${options.sqliteFile}`);
  const sqlite = await createSqliteStorage(options.sqliteFile);
  let target: PostgresDatabase | undefined;
  try {
    target = await PostgresDatabase.open(options.postgresUrl, { maxConnections: 2 });
    await refuseNonEmptyTarget(target);
    await applyPostgresMigrations(target, POSTGRES_MIGRATIONS);
    const tables = orderByReferences(await readTables(sqlite.db));
    await compareSchemas(target, tables);
    const types = await readTargetTypes(target);
    await target.write(async (tx) => {
      for (const table of tables) {
        if (SEEDED_BY_MIGRATIONS.has(table.name)) await tx.run(`DELETE FROM ${quote(table.name)}`);
        const rows = await copyTable(sqlite.db, tx, table, types, options.batchSize ?? 1000);
        options.onTable?.(table.name, rows);
      }
      await resetIdentities(tx);
    });
    const results: TableCopyResult[] = [];
    for (const table of tables) {
      const source = await hashSqliteTable(sqlite.db, table);
      const copied = await hashPostgresTable(target, table, types);
      results.push({
        table: table.name,
        sourceRows: source.rows,
        targetRows: copied.rows,
        sourceHash: source.hash,
        targetHash: copied.hash,
        ok: source.rows === copied.rows && source.hash === copied.hash,
      });
    }
    return results;
  } finally {
    await target?.close();
    await sqlite.close();
  }
}

/** Throws unless every table of the target (if it has any) is empty apart from rows its migrations insert. */
async function refuseNonEmptyTarget(db: PostgresDatabase): Promise<void> {
  const tables = await db.all<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const filled: string[] = [];
  for (const { name } of tables) {
    if (NOT_COPIED.has(name) || SEEDED_BY_MIGRATIONS.has(name)) continue;
    if (await db.get(`SELECT 1 AS one FROM ${quote(name)} LIMIT 1`)) filled.push(name);
  }
  if (filled.length > 0) throw new Error(`The PostgreSQL database is not empty (rows in ${filled.join(', ')}); migrate into a new database.`);
}

async function readTables(db: SqliteDatabase): Promise<Table[]> {
  const names = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const tables: Table[] = [];
  for (const { name } of names) {
    if (NOT_COPIED.has(name)) continue;
    const columns = await db.all<Column>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid', [name]);
    const key = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
    const references = await db.all<{ table: string }>('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)', [name]);
    tables.push({
      name,
      columns,
      key: key.length > 0 ? key : ['rowid'],
      references: references.map((reference) => reference.table).filter((other) => other !== name),
    });
  }
  return tables;
}

/** Referenced tables first (depth-first topological order; names break ties, so the order is stable). */
export function orderByReferences(tables: readonly Table[]): Table[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: Table[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: Table, path: string[]) => {
    const seen = state.get(table.name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(' -> ')}`);
    state.set(table.name, 'visiting');
    for (const name of [...table.references].sort()) {
      const referenced = byName.get(name);
      if (referenced) visit(referenced, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}

/** Throws when a table or column of the source has no counterpart in the target or the other way round. */
async function compareSchemas(db: PostgresDatabase, tables: readonly Table[]): Promise<void> {
  const rows = await db.all<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`,
  );
  const target = new Map<string, Set<string>>();
  for (const row of rows) {
    if (NOT_COPIED.has(row.table_name)) continue;
    const columns = target.get(row.table_name) ?? new Set<string>();
    columns.add(row.column_name);
    target.set(row.table_name, columns);
  }
  const problems: string[] = [];
  for (const table of tables) {
    const columns = target.get(table.name);
    if (!columns) {
      problems.push(`table ${table.name} is missing in PostgreSQL`);
      continue;
    }
    for (const column of table.columns) if (!columns.has(column.name)) problems.push(`column ${table.name}.${column.name} is missing in PostgreSQL`);
    for (const column of columns) if (!table.columns.some((c) => c.name === column)) problems.push(`column ${table.name}.${column} is missing in SQLite`);
  }
  for (const name of target.keys()) if (!tables.some((table) => table.name === name)) problems.push(`table ${name} is missing in SQLite`);
  if (problems.length > 0) throw new Error(`The schemas differ (a PostgreSQL migration is missing?): ${problems.join('; ')}`);
}

/** Data types of the target's columns, keyed `table.column`. */
async function readTargetTypes(db: PostgresDatabase): Promise<Map<string, string>> {
  const rows = await db.all<{ table_name: string; column_name: string; data_type: string }>(
    'SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()',
  );
  return new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row.data_type]));
}

/** Reads the source table in key order, `size` rows at a time (keyset pagination), and inserts each batch. */
async function copyTable(source: SqliteDatabase, tx: PostgresTransaction, table: Table, types: Map<string, string>, batchSize: number): Promise<number> {
  const names = table.columns.map((column) => column.name);
  const size = Math.max(1, Math.min(batchSize, Math.floor(60_000 / names.length)));
  const casts = names.map((name) => castFor(types.get(`${table.name}.${name}`)));
  let copied = 0;
  for await (const rows of readSqliteInKeyOrder(source, table, size)) {
    const values: Value[] = [];
    const tuples = rows.map((row) => {
      for (const name of names) values.push(row[name] ?? null);
      return `(${casts.map((cast) => `?${cast}`).join(', ')})`;
    });
    await tx.run(`INSERT INTO ${quote(table.name)} (${names.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, values);
    copied += rows.length;
  }
  return copied;
}

/** An explicit cast of a parameter where PostgreSQL cannot infer it from a multi-row VALUES list. */
function castFor(type: string | undefined): string {
  switch (type) {
    case 'integer':
      return '::integer';
    case 'bigint':
      return '::bigint';
    case 'double precision':
      return '::double precision';
    case 'bytea':
      return '::bytea';
    case 'smallint':
      return '::smallint';
    default:
      return '';
  }
}

async function* readSqliteInKeyOrder(db: SqliteDatabase, table: Table, size: number): AsyncGenerator<Row[]> {
  const names = table.columns.map((column) => quote(column.name));
  const key = table.key.map(quote);
  const select = `SELECT ${names.join(', ')}${table.key[0] === 'rowid' ? ', rowid AS rowid' : ''} FROM ${quote(table.name)}`;
  const order = ` ORDER BY ${key.join(', ')} LIMIT ?`;
  let last: Value[] | undefined;
  for (;;) {
    const rows: Row[] = last
      ? await db.all<Row>(`${select} WHERE (${key.join(', ')}) > (${key.map(() => '?').join(', ')})${order}`, [...last, size])
      : await db.all<Row>(`${select}${order}`, [size]);
    if (rows.length === 0) return;
    yield rows;
    const final = rows[rows.length - 1]!;
    last = table.key.map((name) => final[name] ?? null);
    if (rows.length < size) return;
  }
}

/** Moves every identity sequence past the largest copied value, so new rows get fresh numbers. */
async function resetIdentities(tx: PostgresTransaction): Promise<void> {
  const identities = await tx.all<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
  );
  for (const { table_name: table, column_name: column } of identities) {
    await tx.get(
      `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
      [quote(table), column],
    );
  }
}

/** The canonical form of one row: its values in the source's column order; bytes as hex, numbers and text as such. */
function canonicalRow(row: Row, table: Table): string {
  return JSON.stringify(
    table.columns.map(({ name }) => {
      const value = row[name] ?? null;
      return Buffer.isBuffer(value) ? { bytes: value.toString('hex') } : value;
    }),
  );
}

async function hashSqliteTable(db: SqliteDatabase, table: Table): Promise<{ rows: number; hash: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of readSqliteInKeyOrder(db, table, 5000)) {
    for (const row of batch) hash.update(`${canonicalRow(row, table)}\n`);
    rows += batch.length;
  }
  return { rows, hash: hash.digest('hex') };
}

/** Reads the target table through a cursor in the same key order (text keys in byte order, like SQLite's BINARY). */
async function hashPostgresTable(db: PostgresDatabase, table: Table, types: Map<string, string>): Promise<{ rows: number; hash: string }> {
  const names = table.columns.map((column) => quote(column.name));
  const key = table.key[0] === 'rowid' ? names : table.key.map((name) => (types.get(`${table.name}.${name}`) === 'text' ? `${quote(name)} COLLATE "C"` : quote(name)));
  return db.write(async (tx) => {
    const hash = createHash('sha256');
    let rows = 0;
    await tx.exec(`DECLARE copy_check NO SCROLL CURSOR FOR SELECT ${names.join(', ')} FROM ${quote(table.name)} ORDER BY ${key.join(', ')}`);
    for (;;) {
      const batch = await tx.all<Row>('FETCH 5000 FROM copy_check');
      for (const row of batch) hash.update(`${canonicalRow(row, table)}\n`);
      rows += batch.length;
      if (batch.length < 5000) break;
    }
    await tx.exec('CLOSE copy_check');
    return { rows, hash: hash.digest('hex') };
  });
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

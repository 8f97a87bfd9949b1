import type { Migration } from '../../sqlite/migrations/Migration.ts';
import { pgMigration001 } from './pgMigration001.ts';
import { pgMigration110 } from './pgMigration110.ts';

/**
 * All PostgreSQL migrations, applied in ascending version order. Each mirrors the SQLite migration of the same number
 * (same tables, columns and constraints in PostgreSQL's dialect), so both backends move in step; add yours with one line.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  pgMigration001,
  pgMigration110,
];

import type { Migration } from '../../sqlite/migrations/Migration.ts';
import { pgMigration001 } from './pgMigration001.ts';
import { pgMigration110 } from './pgMigration110.ts';
import { pgMigration020 } from './pgMigration020.ts';
import { pgMigration050 } from './pgMigration050.ts';
import { pgMigration070 } from './pgMigration070.ts';
import { pgMigration090 } from './pgMigration090.ts';
import { pgMigration100 } from './pgMigration100.ts';

/**
 * All PostgreSQL migrations, applied in ascending version order. Each mirrors the SQLite migration of the same number
 * (same tables, columns and constraints in PostgreSQL's dialect), so both backends move in step; add yours with one line.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  pgMigration001,
  pgMigration110,
  pgMigration020,
  pgMigration050,
  pgMigration070,
  pgMigration090,
  pgMigration100,
];

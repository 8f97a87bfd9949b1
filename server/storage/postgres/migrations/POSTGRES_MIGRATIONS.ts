import type { Migration } from '../../sqlite/migrations/Migration.ts';
import { pgMigration001 } from './pgMigration001.ts';
import { pgMigration110 } from './pgMigration110.ts';
import { pgMigration111 } from './pgMigration111.ts';
import { pgMigration020 } from './pgMigration020.ts';
import { pgMigration050 } from './pgMigration050.ts';
import { pgMigration060 } from './pgMigration060.ts';
import { pgMigration070 } from './pgMigration070.ts';
import { pgMigration090 } from './pgMigration090.ts';
import { pgMigration100 } from './pgMigration100.ts';
import { pgMigration030 } from './pgMigration030.ts';
import { pgMigration031 } from './pgMigration031.ts';
import { pgMigration040 } from './pgMigration040.ts';
import { pgMigration041 } from './pgMigration041.ts';
import { pgMigration061 } from './pgMigration061.ts';
import { pgMigration080 } from './pgMigration080.ts';
import { pgMigration081 } from './pgMigration081.ts';
import { pgMigration085 } from './pgMigration085.ts';

/**
 * All PostgreSQL migrations, applied in ascending version order. Each mirrors the SQLite migration of the same number
 * (same tables, columns and constraints in PostgreSQL's dialect), so both backends move in step; add yours with one line.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  pgMigration001,
  pgMigration110,
  pgMigration111,
  pgMigration020,
  pgMigration050,
  pgMigration060,
  pgMigration070,
  pgMigration090,
  pgMigration100,
  pgMigration030,
  pgMigration031,
  pgMigration040,
  pgMigration041,
  pgMigration061,
  pgMigration080,
  pgMigration081,
  pgMigration085,
];

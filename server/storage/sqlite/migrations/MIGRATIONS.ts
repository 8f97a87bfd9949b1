import type { Migration } from './Migration.ts';
import { migration001 } from './migration001.ts';
import { migration020 } from './migration020.ts';
import { migration030 } from './migration030.ts';
import { migration031 } from './migration031.ts';
import { migration040 } from './migration040.ts';
import { migration041 } from './migration041.ts';
import { migration050 } from './migration050.ts';
import { migration060 } from './migration060.ts';
import { migration061 } from './migration061.ts';
import { migration070 } from './migration070.ts';
import { migration080 } from './migration080.ts';
import { migration081 } from './migration081.ts';
import { migration085 } from './migration085.ts';
import { migration090 } from './migration090.ts';
import { migration100 } from './migration100.ts';
import { migration110 } from './migration110.ts';
import { migration111 } from './migration111.ts';

/**
 * All migrations, applied in ascending version order. Add yours with one line (ranges: server core 1-19,
 * agreement 20-29, staff apps 30-39, portal 40-49, submission erasure 50-59, hardening 60-69).

/**
 * All migrations, applied in ascending version order. Add yours with one line (ranges: server core 1-19,
 * agreement 20-29, staff apps 30-39, portal 40-49, submission erasure 50-59, delivery 90-99).
 */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration020,
  migration030,
  migration031,
  migration040,
  migration041,
  migration050,
  migration060,
  migration061,
  migration070,
  migration080,
  migration081,
  migration085,
  migration090,
  migration100,
  migration110,
  migration111,
];

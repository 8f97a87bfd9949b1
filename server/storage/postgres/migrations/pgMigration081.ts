import type { Migration } from '../../sqlite/migrations/Migration.ts';

/** Local details gain the office's postal address and local fee amounts (mirrors SQLite migration 81). */
export const pgMigration081: Migration = {
  version: 81,
  name: 'local details address and fee amounts',
  sql: `
ALTER TABLE local_details ADD COLUMN address text NOT NULL DEFAULT '';
ALTER TABLE local_details ADD COLUMN fee_amounts text NOT NULL DEFAULT '{}';
`,
};

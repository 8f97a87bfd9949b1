import type { Migration } from './Migration.ts';

/** Local details gain the office's postal address and the participant's local fee amounts (JSON object key → text). */
export const migration081: Migration = {
  version: 81,
  name: 'local details address and fee amounts',
  sql: `
ALTER TABLE local_details ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE local_details ADD COLUMN fee_amounts TEXT NOT NULL DEFAULT '{}';
`,
};

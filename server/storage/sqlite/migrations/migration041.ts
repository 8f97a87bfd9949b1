import type { Migration } from './Migration.ts';

/** Reports of accessibility barriers ("Barriere melden", BITV NRW feedback channel), per participant. */
export const migration041: Migration = {
  version: 41,
  name: 'accessibility feedback',
  sql: `
CREATE TABLE accessibility_feedback (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  page TEXT NOT NULL,
  message TEXT NOT NULL,
  email TEXT,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX accessibility_feedback_tenant ON accessibility_feedback (tenant, received_at);
`,
};

import type { Migration } from './Migration.ts';

/**
 * The staff inbox filtered by status (alone or with a service) at a million stored submissions: newest first within
 * the participant's submissions of that status, without sorting all of the participant's rows; service and version at
 * the end make it covering, so the page's total (count) with a service filter is read from the index alone.
 */
export const migration111: Migration = {
  version: 111,
  name: 'inbox index by status',
  sql: `
CREATE INDEX submissions_by_status ON submissions (tenant, status, received_at, id, service, version);
`,
};

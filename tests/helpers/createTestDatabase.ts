import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  /** URL of the new, empty database. */
  url: string;
  /** Drops the database (ending its connections first). */
  drop(): Promise<void>;
}

/** The run's cluster URL (from the global setup); also reachable from child processes through the environment. */
export function getPostgresClusterUrl(): string {
  const url = process.env.KREISFORM_TEST_POSTGRES_URL ?? inject('postgresUrl');
  if (!url) throw new Error('No PostgreSQL cluster: run the tests through vitest (tests/helpers/postgresGlobalSetup.ts)');
  return url;
}

/** Creates an empty database with a random name in the run's throwaway cluster. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const clusterUrl = getPostgresClusterUrl();
  const name = `kf_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: clusterUrl.replace('/postgres?', `/${name}?`),
    async drop() {
      const client = new pg.Client({ connectionString: clusterUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

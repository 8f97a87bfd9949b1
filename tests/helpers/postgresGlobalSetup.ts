import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './startPostgresCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway PostgreSQL cluster. */
    postgresUrl: string;
  }
}

/** Starts one throwaway PostgreSQL cluster for the whole test run; test files make their own databases in it. */
export default function setup(project: TestProject): () => void {
  const cluster = startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  process.env.KREISFORM_TEST_POSTGRES_URL = cluster.url;
  return () => cluster.stop();
}

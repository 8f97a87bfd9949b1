import { join } from 'node:path';
import { createPostgresStorage } from './postgres/createPostgresStorage.ts';
import { createSqliteStorage } from './sqlite/createSqliteStorage.ts';
import type { Storage } from './Storage.ts';

export interface StorageConfig {
  /** postgres://... selects PostgreSQL; undefined keeps the embedded SQLite file DATA_DIR/kreisform.sqlite. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Largest group commit of SQLite. */
  maxCommitBatch?: number;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

/** Opens and migrates the configured backend: the one entry point of the server, the worker, the CLI and the tests. */
export async function createStorage(config: StorageConfig): Promise<Storage> {
  if (config.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    return createPostgresStorage(config.databaseUrl, { maxConnections: config.maxConnections });
  }
  return createSqliteStorage(join(config.dataDir, 'kreisform.sqlite'), { maxCommitBatch: config.maxCommitBatch });
}

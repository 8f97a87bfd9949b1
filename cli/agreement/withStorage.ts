import { HttpError } from '../../server/errors.ts';
import { loadConfig } from '../../server/loadConfig.ts';
import type { Storage } from '../../server/storage/Storage.ts';
import { createStorage } from '../../server/storage/createStorage.ts';

/**
 * Runs `work` on the server's storage (DATABASE_URL, else DATA_DIR/kreisform.sqlite, default ./data/kreisform.sqlite;
 * migrated when new) and closes it. A use case's HttpError is printed as `<command>: <message>` plus one line per detail
 * and gives exit code 1.
 */
export async function withStorage(command: string, work: (storage: Storage) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const storage = await createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 2 });
  try {
    return await work(storage);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    console.error(`${command}: ${error.message} (${error.code})`);
    for (const detail of error.details ?? []) console.error(`  ${detail.pointer ? `${detail.pointer}: ` : ''}${detail.message}`);
    return 1;
  } finally {
    await storage.close();
  }
}

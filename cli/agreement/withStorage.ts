import { join } from 'node:path';
import { HttpError } from '../../server/errors.ts';
import { loadConfig } from '../../server/loadConfig.ts';
import type { Storage } from '../../server/storage/Storage.ts';
import { createSqliteStorage } from '../../server/storage/sqlite/createSqliteStorage.ts';

/**
 * Runs `work` on the server's storage at DATA_DIR/kreisform.sqlite (default ./data/kreisform.sqlite; migrated
 * when new) and closes it. A use case's HttpError is printed as `<command>: <message>` plus one line per detail
 * and gives exit code 1.
 */
export async function withStorage(command: string, work: (storage: Storage) => Promise<number>): Promise<number> {
  const storage = await createSqliteStorage(join(loadConfig().dataDir, 'kreisform.sqlite'));
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

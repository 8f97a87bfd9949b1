import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalogue } from './catalogue/loadCatalogue.ts';
import { createDraftValidator, createFormValidator, PARTICIPANTS } from '../engine/index.ts';
import type { AppDeps } from './AppDeps.ts';
import { ClamdScanner } from './files/ClamdScanner.ts';
import { FileBlobStore } from './files/FileBlobStore.ts';
import { loadSecretKey } from './files/loadSecretKey.ts';
import type { Logger } from './Logger.ts';
import type { ServerConfig } from './ServerConfig.ts';
import { createStorage } from './storage/createStorage.ts';
import { seedDeliveryDefaults } from './usecases/seedDeliveryDefaults.ts';
import { seedEnablements } from './usecases/seedEnablements.ts';
import { seedLegalAndLocalDetails } from './usecases/seedLegalAndLocalDetails.ts';
import { seedPopulation } from './usecases/seedPopulation.ts';
import { syncCatalogue } from './usecases/syncCatalogue.ts';

/**
 * Prepares everything the app needs: opens (creates) the storage (DATABASE_URL's PostgreSQL, else DATA_DIR/kreisform.sqlite) and migrates it, seeds the eleven
 * participants, publishes the catalogue of FORMS_DIR and seeds ENABLEMENTS_FILE (default SEED_DIR/enablements.json) when present.
 * Other areas add their seeding with one line at the end.
 */
export async function createServerDeps(config: ServerConfig, logger: Logger, now: () => Date = () => new Date()): Promise<AppDeps> {
  const storage = await createStorage({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    maxCommitBatch: config.maxCommitBatch,
    maxConnections: config.databasePoolSize,
  });
  try {
    await storage.participants.seed(PARTICIPANTS);
    if (existsSync(config.formsDir)) {
      const sync = await syncCatalogue(storage, logger, await loadCatalogue(config.formsDir));
      logger.info('catalogue synced', { published: sync.published.length, unchanged: sync.unchanged, skipped: sync.skipped.length });
    } else {
      logger.warn('forms directory missing; no catalogue synced', { formsDir: config.formsDir });
    }
    const enablementsFile = config.enablementsFile;
    if (existsSync(enablementsFile)) {
      const inserted = await seedEnablements(storage, logger, JSON.parse(await readFile(enablementsFile, 'utf8')), now());
      logger.info('enablements seeded', { inserted });
    }
    logger.info('population seeded', { inserted: await seedPopulation(storage, config.seedDir) });
    logger.info('legal pages and local details seeded', await seedLegalAndLocalDetails(storage, logger, config.seedDir, now()));
    logger.info('delivery defaults seeded', { inserted: await seedDeliveryDefaults(storage, config.delivery.smtpUrl, now()) });
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
  const statusCodeKey = await loadSecretKey(join(config.dataDir, 'status-code.key'));
  return {
    config,
    storage,
    logger,
    validator: createFormValidator(),
    draftValidator: createDraftValidator(),
    now,
    blobs: new FileBlobStore(join(config.dataDir, 'blobs')),
    scanner: config.clamdSocket ? new ClamdScanner(config.clamdSocket) : undefined,
    statusCodeKey,
  };
}

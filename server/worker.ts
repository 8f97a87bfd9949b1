import { createLogger } from './createLogger.ts';
import { startDeliveryRelay } from './delivery/startDeliveryRelay.ts';
import { FileBlobStore } from './files/FileBlobStore.ts';
import { loadSecretKey } from './files/loadSecretKey.ts';
import { loadConfig } from './loadConfig.ts';
import { createStorage } from './storage/createStorage.ts';
import { join } from 'node:path';

/**
 * `npm run worker`: the outbox relay as its own process on the server's storage (DATABASE_URL, else the SQLite file in DATA_DIR). Any number of
 * workers and servers may relay at once: leases keep each delivery with one relay at a time. Start the server with
 * DELIVERY_RELAY=false to leave relaying to workers.
 */
const config = loadConfig();
const logger = createLogger(config.logLevel);
const storage = await createStorage({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  maxCommitBatch: config.maxCommitBatch,
  maxConnections: config.databasePoolSize,
});
const relay = startDeliveryRelay({
  storage,
  logger,
  config,
  now: () => new Date(),
  blobs: new FileBlobStore(join(config.dataDir, 'blobs')),
  statusCodeKey: await loadSecretKey(join(config.dataDir, 'status-code.key')),
});
logger.info('kreisform worker relaying', { owner: relay.owner, dataDir: config.dataDir });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('worker shutting down', { signal });
  await relay.stop();
  await storage.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

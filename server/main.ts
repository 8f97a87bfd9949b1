import type { Server } from 'node:http';
import { createApp } from './createApp.ts';
import { createHttpServer } from './createHttpServer.ts';
import { createLogger } from './createLogger.ts';
import { createServerDeps } from './createServerDeps.ts';
import { loadConfig } from './loadConfig.ts';
import { startRetentionJob } from './startRetentionJob.ts';
import { startDeliveryRelay } from './delivery/startDeliveryRelay.ts';
import { startDemoStandIn } from './payments/standin/startDemoStandIn.ts';

/** `npm start`: the product on one SQLite file, listening on PORT. Configuration: see README (environment variables). */
const config = loadConfig();
const logger = createLogger(config.logLevel);
const deps = await createServerDeps(config, logger);
const stopRetention = startRetentionJob(deps);
const relay = config.delivery.relayInServer ? startDeliveryRelay(deps) : undefined;
if (process.env.PAYMENT_STANDIN_PORT) await startDemoStandIn(deps, Number(process.env.PAYMENT_STANDIN_PORT));
const app = createApp(deps);
const server: Server = createHttpServer(app, config).listen(config.port, config.host, () => {
  const address = server.address();
  logger.info('kreisform listening', { port: typeof address === 'object' && address ? address.port : config.port, dataDir: config.dataDir });
});
server.on('error', (error) => {
  logger.error('server error', { error: error.message });
  process.exit(1);
});

process.on('unhandledRejection', (reason) => {
  logger.error('unhandled rejection', { error: reason instanceof Error ? { name: reason.name, message: reason.message, stack: reason.stack } : String(reason) });
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  server.close();
  server.closeIdleConnections();
  await stopRetention();
  await relay?.stop();
  await deps.storage.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

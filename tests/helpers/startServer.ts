import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Application } from 'express';
import type { AppDeps } from '../../server/AppDeps.ts';
import type { Logger } from '../../server/Logger.ts';
import { createApp } from '../../server/createApp.ts';
import { createHttpServer } from '../../server/createHttpServer.ts';
import { createLogger } from '../../server/createLogger.ts';
import { createServerDeps } from '../../server/createServerDeps.ts';
import { createTestDatabase, type TestDatabase } from './createTestDatabase.ts';
import { isPostgresRun } from './isPostgresRun.ts';
import { loadConfig } from '../../server/loadConfig.ts';
import type { ServerConfig } from '../../server/ServerConfig.ts';

export interface StartServerOptions {
  /** Overrides of the configuration (defaults: real forms/ and server/seed/, rate limits high, logs silent). */
  config?: Partial<ServerConfig>;
  /** Fixed or controllable clock. */
  now?: () => Date;
  /** Logger to use instead of JSON lines on stdout (e.g. to assert on log lines). */
  logger?: Logger;
  /** Reuse an existing data directory (e.g. to test a restart); default: a new temp directory, removed on close. */
  dataDir?: string;
}

export interface StartedServer {
  /** e.g. 'http://127.0.0.1:41234' */
  baseUrl: string;
  deps: AppDeps;
  app: Application;
  server: Server;
  dataDir: string;
  /** Closes the HTTP server and the database; removes the temp directory unless `dataDir` was given. */
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Starts the real app on a real SQLite file in a temp directory, listening on 127.0.0.1 port 0: migrations,
 * participants, the catalogue of forms/ and server/seed/enablements.json, exactly as `npm start` does.
 * In the PostgreSQL run (KREISFORM_TEST_BACKEND=postgres) the same server gets a new database of the run's cluster
 * instead (kept for a restart with the same `dataDir`, dropped on close otherwise); a `databaseUrl` in `config` wins.
 */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kreisform-test-')));
  const database = await resolveTestDatabase(dataDir, options);
  const config: ServerConfig = {
    ...loadConfig({}, ROOT),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: (process.env.LOG_LEVEL as ServerConfig['logLevel'] | undefined) ?? 'silent',
    submissionRateLimit: 1_000_000,
    loginRateLimit: 1_000_000,
    databaseUrl: database?.url,
    ...options.config,
  };
  const deps = await createServerDeps(config, options.logger ?? createLogger(config.logLevel), options.now);
  const app = createApp(deps);
  const server = await new Promise<Server>((resolveListen) => {
    const listening = createHttpServer(app, config).listen(0, '127.0.0.1', () => resolveListen(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    app,
    server,
    dataDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await deps.storage.close();
      if (!options.dataDir) {
        await database?.drop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Databases of the PostgreSQL run by data directory, so a restart on the same `dataDir` finds its data again. */
const databasesByDataDir = new Map<string, TestDatabase>();

async function resolveTestDatabase(dataDir: string, options: StartServerOptions): Promise<TestDatabase | undefined> {
  if (!isPostgresRun() || options.config?.databaseUrl !== undefined) return undefined;
  let database = databasesByDataDir.get(dataDir);
  if (!database) {
    database = await createTestDatabase();
    databasesByDataDir.set(dataDir, database);
  }
  return database;
}

/**
 * The environment a CLI child process needs to work on the storage of a server started on `dataDir`: DATA_DIR, and in
 * the PostgreSQL run the DATABASE_URL of that server's database.
 */
export function getStorageEnv(dataDir: string): Record<string, string> {
  const database = databasesByDataDir.get(dataDir);
  return database ? { DATA_DIR: dataDir, DATABASE_URL: database.url } : { DATA_DIR: dataDir };
}

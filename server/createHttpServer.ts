import { createServer, type RequestListener, type Server } from 'node:http';
import type { ServerConfig } from './ServerConfig.ts';

/**
 * The HTTP server for the app, with limits for a public server: headers must arrive within headersTimeoutMs and the
 * whole request within requestTimeoutMs (a slow client cannot hold a connection for ever), idle keep-alive
 * connections close after keepAliveTimeoutMs, and headers may not exceed maxHeaderSize bytes. Not yet listening.
 */
export function createHttpServer(app: RequestListener, config: Pick<ServerConfig, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxHeaderSize'>): Server {
  const server = createServer({ maxHeaderSize: config.maxHeaderSize, requestTimeout: config.requestTimeoutMs, headersTimeout: config.headersTimeoutMs }, app);
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  return server;
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../server/loadConfig.ts';
import type { DeliveryConfig } from '../../server/ServerConfig.ts';
import type { SaveDeliveryChannel } from '../../server/storage/DeliveryChannelRepository.ts';
import { startServer, type StartedServer, type StartServerOptions } from '../helpers/startServer.ts';

export const DELIVERY_FORMS_DIR = resolve(import.meta.dirname, '../fixtures/delivery/forms');
export const DELIVERY_ENABLEMENTS_FILE = resolve(import.meta.dirname, '../fixtures/delivery/enablements.json');
export const SUBMIT_KONTAKT = '/api/v1/tenants/erkelenz/services/kontaktantrag/submissions';
export const VALID_KONTAKT = { name: 'Erika Mustermann', anliegen: 'Bitte <b>prüfen</b> & melden', kontakt: { email: 'erika@example.org', zweitEmail: 'zweit@example.org' } };

/** Fast relay settings for tests: short polls and retry delays, loopback targets allowed. */
export function testDeliveryConfig(overrides: Partial<DeliveryConfig> = {}): DeliveryConfig {
  return {
    ...loadConfig({}).delivery,
    relayInServer: false,
    allowPrivateTargets: true,
    pollMs: 20,
    retryBaseMs: 40,
    retryMaxMs: 200,
    leaseMs: 5000,
    httpTimeoutMs: 2000,
    publicBaseUrl: 'https://portal.example',
    ...overrides,
  };
}

/** The real server on the delivery fixture catalogue (kontaktantrag with contact e-mail and LeiKa key, ohne-leika). */
export function startDeliveryServer(delivery: Partial<DeliveryConfig> = {}, options: StartServerOptions = {}): Promise<StartedServer> {
  return startServer({
    ...options,
    config: { formsDir: DELIVERY_FORMS_DIR, enablementsFile: DELIVERY_ENABLEMENTS_FILE, delivery: testDeliveryConfig(delivery), ...options.config },
  });
}

export async function submitKontakt(server: { baseUrl: string }, body: unknown = VALID_KONTAKT, headers: Record<string, string> = {}, path = SUBMIT_KONTAKT) {
  const response = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`submit answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string; reference: string; statusCode: string };
}

/** Adds a channel straight through the repository (the API is tested in channelsApi.test.ts). */
export async function addChannel(server: StartedServer, channel: Partial<SaveDeliveryChannel> & Pick<SaveDeliveryChannel, 'kind'>): Promise<string> {
  const id = channel.id ?? randomUUID();
  const tenant = channel.tenant ?? 'erkelenz';
  const outcome = await server.deps.storage.deliveryChannels.save(
    { id, tenant, service: null, enabled: true, config: {}, secret: undefined, ...channel },
    new Date().toISOString(),
    'test',
    { tenant, actor: 'test', action: 'delivery_channel.saved', subject: id },
  );
  if (outcome === 'conflict') throw new Error('addChannel: conflict');
  return id;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  /** Requests answered so far. */
  requests: ReceivedRequest[];
  /** Requests arrived so far (also those still waiting for their answer). */
  arrivals: number;
  /** Answer status for the next requests (default 204). */
  status: number;
  /** Delay before answering, ms. */
  delayMs: number;
  close(): Promise<void>;
}

/** A real HTTP receiver on loopback that records every request and answers `status` after `delayMs`. */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    requests: [],
    arrivals: 0,
    status: 204,
    delayMs: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.arrivals += 1;
      const status = receiver.status;
      setTimeout(() => {
        receiver.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
        res.writeHead(status).end();
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Envelope recipients per message, in order. */
  recipients: string[][];
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) in this process; every message is parsed with mailparser. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          recipients.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, port, messages, recipients, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Polls until `check` returns true (or throws after `timeoutMs`). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`waitFor: ${what} not reached within ${timeoutMs} ms`);
}

/** Rows of the outbox, straight from the database. */
export async function outboxRows(server: StartedServer): Promise<{ id: string; submission_id: string; kind: string; state: string; attempts: number; event_type: string; last_error: string | null }[]> {
  const db = (server.deps.storage as unknown as { db: { all<T>(sql: string): Promise<T[]> } }).db;
  return db.all('SELECT * FROM outbox ORDER BY created_at, id');
}

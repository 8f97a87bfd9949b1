import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Application, type Request, type Response } from 'express';

/** One account at the stand-in: OAuth2 client and the originator/endpoint it may use. */
export interface StandInClient {
  clientId: string;
  clientSecret: string;
  originatorId: string;
  endPointId: string;
}

interface StandInTransaction {
  originatorId: string;
  endPointId: string;
  paymentRequest: Record<string, unknown> & { requestId: string; grosAmount: number; redirectUrl: string; description: string };
  paymentInformation: {
    transactionId: string;
    transactionUrl: string;
    transactionRedirectUrl?: string;
    transactionReference?: string;
    transactionTimestamp?: string;
    paymentMethod?: string;
    status: 'INITIAL' | 'PAYED' | 'FAILED' | 'CANCELED';
  };
}

export interface XBezahldiensteStandIn {
  app: Application;
  /** Transactions by id (for tests to inspect). */
  transactions: Map<string, StandInTransaction>;
  /** Counts of calls per message kind (token, create, status, paypage). */
  calls: Record<'token' | 'create' | 'status' | 'paypage', number>;
  /** While down, every endpoint answers 503 (a provider that is down). */
  setDown(down: boolean): void;
  /** Listens on host:port (0 = any free port); resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const ID = /^[\w-]{1,36}$/;
const PURPOSE = /^[\w\s-]{1,27}$/;
const TEXT = /^[\w\s,.\-\u00C0-\u017F€()/:]{0,250}$/;

/**
 * A local stand-in for a payment provider speaking XBezahldienste 1.0 (for tests and demos; it moves no money).
 * It enforces the message sequence and credentials: a token from POST /auth/token (client credentials, Basic) is
 * required for every API call; POST /paymenttransaction/{originatorId}/{endPointId} validates the PaymentRequest
 * (requestId, EUR, purpose ≤ 27, items 1-99, grosAmount = sum of items, redirectUrl) and refuses a reused requestId
 * (PAYMENT_EXISTS); the paypage exists only for INITIAL transactions and ends in PAYED or CANCELED, then sends the
 * citizen back to redirectUrl; GET .../{transactionId} answers the state. Errors are application/problem+json.
 */
export function createXBezahldiensteStandIn(options: { clients: StandInClient[] }): XBezahldiensteStandIn {
  const app = express();
  app.disable('x-powered-by');
  const transactions = new Map<string, StandInTransaction>();
  const tokens = new Map<string, StandInClient>();
  const requestIds = new Set<string>();
  const calls = { token: 0, create: 0, status: 0, paypage: 0 };
  let down = false;
  let server: Server | undefined;
  let baseUrl = '';

  app.use((_req, res, next) => {
    if (down) {
      res.status(503).type('application/problem+json').json(problem(503, 'UNSPECIFIED', 'Der Bezahldienst ist nicht erreichbar.'));
      return;
    }
    next();
  });
  app.use(express.json({ limit: '64kb' }));
  app.use(express.urlencoded({ extended: false, limit: '8kb' }));

  app.post('/auth/token', (req, res) => {
    calls.token += 1;
    const client = readBasic(req, options.clients);
    if (!client || req.body?.grant_type !== 'client_credentials') {
      res.status(401).json({ error: 'invalid_client' });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, client);
    res.json({ access_token: token, token_type: 'Bearer', expires_in: 300 });
  });

  const authorise = (req: Request, res: Response): StandInClient | undefined => {
    const header = req.get('authorization') ?? '';
    const client = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined;
    if (!client) {
      res.status(403).type('application/problem+json').json(problem(403, 'FORBIDDEN', 'Fehlende oder ungültige Authentisierung.'));
      return undefined;
    }
    if (client.originatorId !== req.params.originatorId || client.endPointId !== req.params.endPointId) {
      res.status(403).type('application/problem+json').json(problem(403, 'NO_VALID_ORIGINATOR_OR_ENDPOINT', 'Mandant nicht ermittelbar.'));
      return undefined;
    }
    return client;
  };

  app.get('/status/:originatorId/:endPointId', (req, res) => {
    if (!authorise(req, res)) return;
    res.json({ status: 'OK' });
  });

  app.post('/paymenttransaction/:originatorId/:endPointId', (req, res) => {
    calls.create += 1;
    if (!authorise(req, res)) return;
    const request = req.body as Record<string, unknown>;
    const invalid = validatePaymentRequest(request);
    if (invalid) {
      res.status(400).type('application/problem+json').json(problem(400, invalid.code, invalid.text));
      return;
    }
    const requestId = request.requestId as string;
    if (requestIds.has(requestId)) {
      res.status(400).type('application/problem+json').json(problem(400, 'PAYMENT_EXISTS', 'Mit dieser Request-ID wurde bereits ein PaymentRequest platziert.'));
      return;
    }
    requestIds.add(requestId);
    const transactionId = randomUUID();
    const transaction: StandInTransaction = {
      originatorId: req.params.originatorId!,
      endPointId: req.params.endPointId!,
      paymentRequest: request as StandInTransaction['paymentRequest'],
      paymentInformation: {
        transactionId,
        transactionUrl: `${baseUrl}/paymenttransaction/${req.params.originatorId}/${req.params.endPointId}/${transactionId}`,
        transactionRedirectUrl: `${baseUrl}/paypage/${transactionId}`,
        status: 'INITIAL',
      },
    };
    transactions.set(transactionId, transaction);
    res.status(200).json({ paymentRequest: transaction.paymentRequest, paymentInformation: transaction.paymentInformation });
  });

  app.get('/paymenttransaction/:originatorId/:endPointId/:transactionId', (req, res) => {
    calls.status += 1;
    if (!authorise(req, res)) return;
    const transaction = transactions.get(req.params.transactionId!);
    if (!transaction || transaction.originatorId !== req.params.originatorId || transaction.endPointId !== req.params.endPointId) {
      res.status(404).type('application/problem+json').json(problem(404, 'UNSPECIFIED', 'Unbekannte Transaktion.'));
      return;
    }
    res.json({ paymentRequest: transaction.paymentRequest, paymentInformation: transaction.paymentInformation });
  });

  app.get('/paypage/:transactionId', (req, res) => {
    calls.paypage += 1;
    const transaction = transactions.get(req.params.transactionId!);
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action *");
    res.set('Cache-Control', 'no-store');
    if (!transaction || transaction.paymentInformation.status !== 'INITIAL') {
      res.status(404).type('html').send(page('Bezahlvorgang nicht verfügbar', '<p>Dieser Bezahlvorgang ist unbekannt oder bereits abgeschlossen.</p>'));
      return;
    }
    const amount = formatAmount(transaction.paymentRequest.grosAmount);
    const id = transaction.paymentInformation.transactionId;
    res.type('html').send(
      page(
        'Bezahlen (Test-Bezahldienst)',
        `<p>Dies ist ein Test-Bezahldienst: es wird kein Geld bewegt.</p>
<dl><dt>Zweck</dt><dd>${escapeHtml(transaction.paymentRequest.description)}</dd><dt>Betrag</dt><dd id="betrag">${amount}</dd></dl>
<form method="post" action="/paypage/${id}/pay"><button type="submit">Jetzt ${amount} bezahlen</button></form>
<form method="post" action="/paypage/${id}/cancel"><button type="submit">Zahlung abbrechen</button></form>`,
      ),
    );
  });

  const finish = (status: 'PAYED' | 'CANCELED') => (req: Request, res: Response) => {
    const transaction = transactions.get(String(req.params.transactionId));
    if (!transaction || transaction.paymentInformation.status !== 'INITIAL') {
      res.status(409).type('html').send(page('Bezahlvorgang abgeschlossen', '<p>Dieser Bezahlvorgang ist bereits abgeschlossen.</p>'));
      return;
    }
    const info = transaction.paymentInformation;
    info.status = status;
    delete info.transactionRedirectUrl;
    if (status === 'PAYED') {
      info.transactionReference = `SI-${randomBytes(5).toString('hex').toUpperCase()}`;
      info.transactionTimestamp = new Date().toISOString();
      info.paymentMethod = 'CREDITCARD';
    }
    res.redirect(303, transaction.paymentRequest.redirectUrl);
  };
  app.post('/paypage/:transactionId/pay', finish('PAYED'));
  app.post('/paypage/:transactionId/cancel', finish('CANCELED'));

  return {
    app,
    transactions,
    calls,
    setDown(value: boolean) {
      down = value;
    },
    async listen(port = 0, host = '127.0.0.1') {
      server = await new Promise<Server>((resolve) => {
        const listening = app.listen(port, host, () => resolve(listening));
      });
      const address = server.address() as AddressInfo;
      baseUrl = `http://${host}:${address.port}`;
      return baseUrl;
    },
    async close() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}

function validatePaymentRequest(request: Record<string, unknown>): { code: string; text: string } | undefined {
  if (typeof request.requestId !== 'string' || !ID.test(request.requestId)) return { code: 'VALIDATION_ERROR', text: 'requestId fehlt oder ist ungültig.' };
  if (typeof request.requestTimestamp !== 'string' || Number.isNaN(Date.parse(request.requestTimestamp))) return { code: 'VALIDATION_ERROR', text: 'requestTimestamp fehlt.' };
  if (request.currency !== 'EUR') return { code: 'VALIDATION_ERROR', text: 'Nur EUR wird unterstützt.' };
  if (typeof request.purpose !== 'string' || !PURPOSE.test(request.purpose)) return { code: 'VALIDATION_ERROR', text: 'purpose ist ungültig.' };
  if (typeof request.description !== 'string' || !TEXT.test(request.description)) return { code: 'VALIDATION_ERROR', text: 'description ist ungültig.' };
  if (typeof request.redirectUrl !== 'string' || !/^https?:\/\//.test(request.redirectUrl) || request.redirectUrl.length > 2082) {
    return { code: 'VALIDATION_ERROR', text: 'redirectUrl ist ungültig.' };
  }
  const gros = request.grosAmount;
  if (typeof gros !== 'number' || !(gros > 0) || gros > 999_999 || Math.round(gros * 100) !== gros * 100) return { code: 'VALIDATION_ERROR', text: 'grosAmount ist ungültig.' };
  const items = request.items;
  if (!Array.isArray(items) || items.length < 1 || items.length > 99) return { code: 'VALIDATION_ERROR', text: 'items muss 1 bis 99 Positionen enthalten.' };
  let sumCents = 0;
  for (const item of items as Record<string, unknown>[]) {
    if (typeof item.id !== 'string' || !ID.test(item.id)) return { code: 'VALIDATION_ERROR', text: 'Position ohne gültige id.' };
    const net = item.totalNetAmount;
    const tax = item.totalTaxAmount ?? 0;
    if (typeof net !== 'number' || typeof tax !== 'number') return { code: 'VALIDATION_ERROR', text: 'Position ohne Betrag.' };
    sumCents += Math.round(net * 100) + Math.round(tax * 100);
  }
  if (sumCents !== Math.round(gros * 100)) return { code: 'CALCULATION_ERROR', text: 'grosAmount passt nicht zur Summe der Positionen.' };
  return undefined;
}

function readBasic(req: Request, clients: StandInClient[]): StandInClient | undefined {
  const header = req.get('authorization') ?? '';
  if (!header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const id = decodeURIComponent(decoded.slice(0, colon));
  const secret = decodeURIComponent(decoded.slice(colon + 1));
  return clients.find((client) => client.clientId === id && sameText(client.clientSecret, secret));
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function problem(status: number, errorCode: string, functionalText: string) {
  return { type: 'about:blank', status, title: errorCode, errorCode, functionalText };
}

function formatAmount(euros: number): string {
  const cents = Math.round(euros * 100);
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

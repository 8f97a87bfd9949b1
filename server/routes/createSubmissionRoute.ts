import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError, type HttpError } from '../errors.ts';
import { createClientRateLimiter, type ClientRateLimiter } from '../middleware/createClientRateLimiter.ts';
import { createDatabaseHitCounter } from '../middleware/createRateLimit.ts';
import { toHttpError } from '../middleware/handleErrors.ts';
import type { SecurityHeaders } from '../middleware/setSecurityHeaders.ts';
import { assertSafeJson, MAX_DEPTH, MAX_JSON_MEMBERS } from '../middleware/parseJsonBody.ts';
import { getSubmissionBodyLimit } from '../middleware/parseSubmissionBody.ts';
import { scanJsonShape } from '../middleware/scanJsonShape.ts';
import { resolveServedService } from '../usecases/resolveServedService.ts';
import { submitForm } from '../usecases/submitForm.ts';

/** The submission route as Express has it (createPublicRouter); also the route pattern in log lines. */
export const SUBMISSION_ROUTE = '/api/v1/tenants/:tenant/services/:service/submissions';

/** The plain form of a submission URL: lower-case literal segments, parameters without percent escapes. */
const SUBMISSION_URL = /^\/api\/v1\/tenants\/([^/?%#]+)\/services\/([^/?%#]+)\/submissions(?:\?.*)?$/;
/** The media types this route reads itself; anything else (415, charsets, parameters) goes through Express. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const limiters = new WeakMap<AppDeps, ClientRateLimiter>();

/** The one rate limiter of submissions (shared by this route and its Express twin, so no path doubles the limit). */
export function getSubmissionRateLimiter(deps: AppDeps): ClientRateLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    // One SQLite process counts in memory (no write per submission); processes sharing PostgreSQL count in it.
    const counter = deps.config.databaseUrl ? createDatabaseHitCounter(deps, 'submissions') : undefined;
    limiter = createClientRateLimiter(deps.config.submissionRateLimit, 60_000, counter);
    limiters.set(deps, limiter);
  }
  return limiter;
}

export interface SubmissionRouteOptions {
  /** The app's security headers (the constant headers every response gets). */
  securityHeaders: SecurityHeaders;
  /** The client's address as Express's req.ip gives it (trust proxy applied). */
  clientIp(req: IncomingMessage): string | undefined;
}

/**
 * `POST /api/v1/tenants/{tenant}/services/{service}/submissions` on plain Node request and response objects, ahead
 * of Express: the hottest public route, where Express's routing, body-parser, response helpers and the generic rate
 * limiter cost more than validating and durably storing the submission. It answers exactly as the Express route
 * (createPublicRouter: same order of checks, status codes, error bodies and headers, the same use case submitForm,
 * the same shared rate limiter); the one header it leaves out is the pointless ETag of a no-store 201.
 *
 * Returns false (nothing read, nothing written) for every request that is not the plain case: another method or
 * path, percent-escaped or differently cased paths, a media type other than `application/json` (optionally with
 * charset utf-8), a Content-Encoding, a body without Content-Length, or debug request logging. Express handles those,
 * with all its general machinery.
 */
export function createSubmissionRoute(deps: AppDeps, options: SubmissionRouteOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const limiter = getSubmissionRateLimiter(deps);
  if (deps.config.logLevel === 'debug') return () => false;
  // The headers every answer starts with, as Express's stack sets them: security headers, then Cache-Control.
  const baseHeaders = [...options.securityHeaders.headers.flat(), 'Cache-Control', 'no-store'];

  async function serve(req: IncomingMessage, res: ServerResponse, tenant: string, service: string): Promise<void> {
    // Written in one go by writeHead (a flat list of names and values), so nothing is set header by header.
    const headers = baseHeaders.slice();
    const addHeader = (name: string, value: string) => headers.push(name, value);
    try {
      if (!(await limiter.take(options.clientIp(req), addHeader))) throw createHttpError('RATE_LIMITED');
      const served = await resolveServedService(deps, tenant, service);
      const limitBytes = getSubmissionBodyLimit(deps.config, served.formVersion);
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > limitBytes) {
        headers.push('Connection', 'close');
        throw createHttpError('PAYLOAD_TOO_LARGE');
      }
      const body = parseJson(await readBody(req, limitBytes, headers));
      const receipt = await submitForm(deps, { served, tenant, service, body, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
      send(res, 201, headers, JSON.stringify(receipt));
    } catch (error) {
      sendError(res, headers, error);
    }
  }

  function sendError(res: ServerResponse, headers: string[], error: unknown): void {
    const httpError: HttpError = toHttpError(error);
    if (httpError.status >= 500) {
      deps.logger.error('request failed', {
        method: 'POST',
        route: SUBMISSION_ROUTE,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [name, value] of Object.entries(httpError.headers)) headers.push(name, value);
    send(res, httpError.status, headers, JSON.stringify(httpError.toBody()));
  }

  return (req, res) => {
    if (req.method !== 'POST') return false;
    const match = SUBMISSION_URL.exec(req.url ?? '');
    if (!match) return false;
    const { headers } = req;
    const contentType = headers['content-type'];
    if (contentType === undefined || !PLAIN_JSON.test(contentType)) return false;
    if (headers['content-encoding'] !== undefined || headers['transfer-encoding'] !== undefined || headers['content-length'] === undefined) return false;
    void serve(req, res, match[1]!, match[2]!);
    return true;
  };
}

function send(res: ServerResponse, status: number, headers: string[], json: string): void {
  headers.push('Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(json)));
  res.writeHead(status, headers);
  res.end(json);
}

/** Reads the whole body, at most `limitBytes` (413 PAYLOAD_TOO_LARGE, connection closed). */
function readBody(req: IncomingMessage, limitBytes: number, headers: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanUp();
        req.pause();
        headers.push('Connection', 'close');
        reject(createHttpError('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onClose = () => {
      // The client went away before the body was complete (Express: request.aborted, 400).
      cleanUp();
      reject(createHttpError('MALFORMED_JSON'));
    };
    const cleanUp = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onClose);
      req.off('close', onClose);
    };
    if (req.destroyed) {
      reject(createHttpError('MALFORMED_JSON'));
      return;
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onClose);
    req.on('close', onClose);
  });
}

/**
 * The checks of parseJsonBody on the raw bytes: nesting depth and member count before parsing, then JSON.parse
 * (any JSON value, a UTF-8 byte order mark skipped as body-parser does), then the walk for forbidden keys and
 * numbers out of range. An empty body is not a JSON document.
 */
function parseJson(bytes: Buffer): unknown {
  const shape = scanJsonShape(bytes, MAX_DEPTH, MAX_JSON_MEMBERS);
  if (shape.depth > MAX_DEPTH) throw createHttpError('NESTING_TOO_DEEP');
  if (shape.members > MAX_JSON_MEMBERS) throw createHttpError('TOO_MANY_MEMBERS');
  if (bytes.length === 0) throw createHttpError('MALFORMED_JSON');
  const start = bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2] ? 3 : 0;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8', start));
  } catch {
    throw createHttpError('MALFORMED_JSON');
  }
  assertSafeJson(value);
  return value;
}

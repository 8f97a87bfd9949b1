import type { Request, RequestHandler } from 'express';
import { parseJsonBody } from './parseJsonBody.ts';

/**
 * parseJsonBody for routes whose body is optional (e.g. DELETE with an optional reason): a request without a body
 * passes with `req.body` undefined; a request with one goes through the same checks (415, 413, 400).
 */
export function parseOptionalJsonBody(limitBytes: number): RequestHandler[] {
  return parseJsonBody(limitBytes).map((handler): RequestHandler => (req, res, next) => (hasBody(req) ? handler(req, res, next) : next()));
}

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

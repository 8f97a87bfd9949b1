import type { RequestHandler } from 'express';

/**
 * Sets Cache-Control on API responses: 'no-store' by default (personal data must never sit in a cache), or the given
 * value for public, person-free resources (catalogue, definitions, OpenAPI).
 */
export function setCacheControl(value = 'no-store'): RequestHandler {
  return (_req, res, next) => {
    res.set('Cache-Control', value);
    next();
  };
}

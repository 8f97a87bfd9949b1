import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers, worked out once at start-up: helmet runs a chain of eleven middlewares per request, each
 * setting one constant header. This runs that chain once against a recording response and returns one middleware
 * that sets the recorded headers (and removes the ones helmet removes). Throws at start-up if the options make a
 * header depend on the request (a CSP directive given as a function), because a recording cannot capture that.
 */
export function setSecurityHeaders(options: HelmetOptions): SecurityHeaders {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === 'object' && csp.directives ? Object.values(csp.directives) : [];
  if (directives.some((value) => typeof value === 'function' || (Array.isArray(value) && value.some((item) => typeof item === 'function')))) {
    throw new Error('setSecurityHeaders: a CSP directive is a function of the request; its headers cannot be precomputed');
  }
  const headers: [name: string, value: string | readonly string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | readonly string[]) {
      headers.push([name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw new Error(`setSecurityHeaders: helmet refused the options: ${String(error)}`);
    finished = true;
  });
  if (!finished) throw new Error('setSecurityHeaders: helmet did not finish synchronously; its headers cannot be precomputed');
  const middleware: RequestHandler = (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
  return Object.assign(middleware, { headers: headers.flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : value.map((item) => [name, item]))) as [string, string][] });
}

/** The middleware, and the headers it sets as name/value pairs (for a response written without Express). */
export type SecurityHeaders = RequestHandler & { readonly headers: readonly (readonly [name: string, value: string])[] };

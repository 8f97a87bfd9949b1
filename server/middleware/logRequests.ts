import type { RequestHandler } from 'express';
import type { Logger } from '../Logger.ts';

/** Logs each request at debug level: method, route pattern (no ids or query), status and duration. */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.debug('request', {
        method: req.method,
        route: `${req.baseUrl}${typeof req.route?.path === 'string' ? req.route.path : ''}` || 'unmatched',
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  };
}

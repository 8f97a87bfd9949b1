import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../Logger.ts';
import { createHttpError, HttpError, type ErrorCode } from '../errors.ts';

const BODY_PARSER_CODES: Record<string, ErrorCode> = {
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'entity.parse.failed': 'MALFORMED_JSON',
  'entity.verify.failed': 'MALFORMED_JSON',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'request.aborted': 'MALFORMED_JSON',
  'request.size.invalid': 'MALFORMED_JSON',
  'stream.encoding.set': 'INTERNAL_ERROR',
};

/**
 * The one error middleware: catalogue errors answer `{ code, message, errors? }` with their status; body-parser
 * errors map to stable codes; anything else is a generic 500 with a log line (name, message and stack of the
 * error, no request data). The process stays up.
 */
export function handleErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) {
      logger.error('request failed', {
        method: req.method,
        route: routePattern(req),
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    res.status(httpError.status).set(httpError.headers).set('Cache-Control', 'no-store').json(httpError.toBody());
  };
}

/** The catalogue error an error answers as (body-parser errors by their type; anything else 500 INTERNAL_ERROR). */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error && typeof error === 'object') {
    const type = (error as { type?: unknown }).type;
    if (typeof type === 'string' && type in BODY_PARSER_CODES) return createHttpError(BODY_PARSER_CODES[type]!);
    const status = (error as { status?: unknown; expose?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose === true) {
      if (status === 404) return createHttpError('NOT_FOUND');
      if (status === 413) return createHttpError('PAYLOAD_TOO_LARGE');
      if (status === 415) return createHttpError('UNSUPPORTED_MEDIA_TYPE');
      return createHttpError('INVALID_BODY');
    }
  }
  return createHttpError('INTERNAL_ERROR');
}

function routePattern(req: { baseUrl: string; route?: { path?: unknown } }): string {
  return `${req.baseUrl}${typeof req.route?.path === 'string' ? req.route.path : ''}`;
}

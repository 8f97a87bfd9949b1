import express, { type RequestHandler } from 'express';
import { createHttpError } from '../errors.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/**
 * Middleware chain for routes that take a JSON body: 415 unless the content type is application/json, the size
 * limit (413), JSON parsing (400 MALFORMED_JSON), then a check that refuses prototype-polluting keys and absurd
 * nesting before any code looks at the data.
 */
export function parseJsonBody(limitBytes: number): RequestHandler[] {
  return [
    (req, _res, next) => {
      if (!req.is('application/json')) throw createHttpError('UNSUPPORTED_MEDIA_TYPE');
      next();
    },
    express.json({
      limit: limitBytes,
      strict: false,
      type: () => true,
      verify: (_req, res, buffer) => {
        (res as unknown as { locals: Record<string, unknown> }).locals.jsonBodyBytes = buffer.length;
      },
    }),
    (req, res, next) => {
      // body-parser turns an empty body into {}; an empty body is not a JSON document.
      if (!res.locals.jsonBodyBytes) throw createHttpError('MALFORMED_JSON');
      assertSafeJson(req.body);
      next();
    },
  ];
}

function assertSafeJson(value: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_DEPTH) throw createHttpError('NESTING_TOO_DEEP');
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) throw createHttpError('FORBIDDEN_KEY');
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
}

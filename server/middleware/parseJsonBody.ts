import express, { type RequestHandler } from 'express';
import { createHttpError } from '../errors.ts';
import { scanJsonShape } from './scanJsonShape.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 64;
/** More values than any form has fields times list items; refused before parsing (finding: 200,000 unknown keys). */
export const MAX_JSON_MEMBERS = 10_000;

/**
 * Middleware chain for routes that take a JSON body: 415 unless the content type is application/json; a declared
 * Content-Length over the limit is refused at once (413, connection closed, nothing read); the size limit while
 * reading (413); a byte scan that refuses absurd nesting or member counts before JSON.parse runs; JSON parsing
 * (400 MALFORMED_JSON); then a walk that refuses prototype-polluting keys and numbers JSON cannot carry
 * (1e309 parses to Infinity) before any code looks at the data.
 */
export function parseJsonBody(limitBytes: number): RequestHandler[] {
  return [
    (req, res, next) => {
      if (!req.is('application/json')) throw createHttpError('UNSUPPORTED_MEDIA_TYPE');
      const declared = Number(req.get('content-length'));
      if (Number.isFinite(declared) && declared > limitBytes) {
        // Without this the body parser answers only after the client has sent every byte.
        res.set('Connection', 'close');
        throw createHttpError('PAYLOAD_TOO_LARGE');
      }
      next();
    },
    express.json({
      limit: limitBytes,
      strict: false,
      type: () => true,
      verify: (_req, res, buffer) => {
        const shape = scanJsonShape(buffer, MAX_DEPTH, MAX_JSON_MEMBERS);
        if (shape.depth > MAX_DEPTH) throw createHttpError('NESTING_TOO_DEEP');
        if (shape.members > MAX_JSON_MEMBERS) throw createHttpError('TOO_MANY_MEMBERS');
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

/** Refuses prototype-polluting keys, numbers JSON cannot carry and nesting deeper than MAX_DEPTH (catalogue errors). */
export function assertSafeJson(value: unknown): void {
  // Two parallel stacks instead of one object per value: this runs on every submission body.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) throw createHttpError('NUMBER_OUT_OF_RANGE');
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_DEPTH) throw createHttpError('NESTING_TOO_DEEP');
    if (Array.isArray(current)) {
      for (const item of current) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      if (FORBIDDEN_KEYS.has(key)) throw createHttpError('FORBIDDEN_KEY');
      values.push((current as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
}

import { createHttpError } from '../errors.ts';

/** A parsed JSON body that must be an object; anything else is 400 INVALID_BODY. */
export function asJsonObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw createHttpError('INVALID_BODY');
  return body as Record<string, unknown>;
}

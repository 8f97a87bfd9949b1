import { createHash } from 'node:crypto';

/**
 * The lookup hash of a resume code as typed by a citizen: case, spaces and dashes do not matter, and the letters
 * Crockford base32 leaves out are read as the digits they resemble (I/L -> 1, O -> 0). Undefined when the input
 * cannot be a code, so no lookup happens.
 */
export function hashResumeCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 100) return undefined;
  const normalized = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{32}$/.test(normalized)) return undefined;
  return `sha256:${createHash('sha256').update(normalized).digest('hex')}`;
}

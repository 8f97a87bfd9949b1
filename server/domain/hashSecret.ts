import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a high-entropy secret (upload token, status code): what the database keeps instead of it. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

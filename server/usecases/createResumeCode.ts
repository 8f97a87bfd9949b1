import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a code read aloud or typed is hard to get wrong. */
export const RESUME_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new resume code: 160 random bits as 32 Crockford base32 characters in groups of four
 * ('7K2M-...'); guessing one is hopeless, so a plain SHA-256 of it is a safe lookup key.
 */
export function createResumeCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += RESUME_CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code.match(/.{4}/g)!.join('-');
}

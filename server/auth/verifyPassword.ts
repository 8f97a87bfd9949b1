import { timingSafeEqual } from 'node:crypto';
import { deriveScrypt, hashPassword } from './hashPassword.ts';

let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches `stored` (from hashPassword), compared in constant time. With `stored` undefined
 * (unknown user) it still derives a key, so response time does not reveal whether an account exists.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  dummyHash ??= hashPassword('kreisform-dummy-password');
  const [scheme, n, r, p, saltText, keyText] = (stored ?? (await dummyHash)).split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64');
  const actual = await deriveScrypt(password, Buffer.from(saltText, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
  });
  return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
}

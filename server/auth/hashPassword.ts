import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N=2^15, r=8 uses 32 MiB per hash (memory-hard), about 0.1 s on one core. */
export const SCRYPT_PARAMS = { N: 32768, r: 8, p: 1, keyLength: 32 } as const;

/** Derives a scrypt key; `maxmem` leaves room for the 32 MiB the parameters need. */
export function deriveScrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number; keyLength: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Hashes a password as `scrypt$N$r$p$<salt base64>$<key base64>` with a random 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveScrypt(password, salt, SCRYPT_PARAMS);
  return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

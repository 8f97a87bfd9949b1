import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I). 32 symbols = 5 bits each. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The status code of a submission: 16 symbols (80 bits) in groups of four, e.g. 'K7QM-2XHP-9RTA-4WCE', derived with
 * HMAC-SHA256 from the server's status-code key (DATA_DIR/status-code.key, never in the database) and the submission
 * id. The database keeps only its SHA-256; the server can answer the same code again only to an idempotent retry of
 * the original request (which proves it is the original client).
 */
export function createStatusCode(key: Buffer, submissionId: string): string {
  const digest = createHmac('sha256', toKeyObject(key)).update(`status-code:${submissionId}`).digest();
  let code = '';
  for (let index = 0; index < 16; index++) code += ALPHABET[digest[index]! & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** A typed status code in the stored form: upper case, without spaces and dashes. */
export function normalizeStatusCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

const keyObjects = new WeakMap<Buffer, KeyObject>();

/** The key as a KeyObject, made once per key: createHmac with a raw Buffer imports the key anew on every call. */
function toKeyObject(key: Buffer): KeyObject {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(key);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}

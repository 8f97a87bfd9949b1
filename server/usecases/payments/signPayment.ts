import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Storage } from '../../storage/Storage.ts';
import { createHttpError } from '../../errors.ts';

/** HMAC-SHA256 (base64url) of a pending payment's id with the server's payment key: the return address's signature. */
export async function signPayment(storage: Storage, paymentId: string): Promise<string> {
  return createHmac('sha256', await storage.payments.getReturnKey()).update(`kreisform-payment:${paymentId}`).digest('base64url');
}

/** Refuses (403 PAYMENT_SIGNATURE_INVALID) unless `signature` is the payment's signature (constant-time compare). */
export async function assertPaymentSignature(storage: Storage, paymentId: string, signature: unknown): Promise<void> {
  const expected = Buffer.from(await signPayment(storage, paymentId));
  const given = Buffer.from(typeof signature === 'string' ? signature : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw createHttpError('PAYMENT_SIGNATURE_INVALID');
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a signed webhook (lower case, as Node delivers them). */
export const WEBHOOK_HEADERS = {
  deliveryId: 'kreisform-delivery-id',
  timestamp: 'kreisform-timestamp',
  signature: 'kreisform-signature',
  event: 'kreisform-event',
} as const;

/** A receiver must reject deliveries whose timestamp is further than this from its clock (replay window). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** HMAC-SHA256 (hex) over `${timestamp}.${deliveryId}.${body}` with the channel's secret. */
export function signWebhook(secret: string, timestamp: number, deliveryId: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${deliveryId}.${body}`).digest('hex');
}

export type WebhookVerification = { ok: true; deliveryId: string; timestamp: number } | { ok: false; reason: string };

/**
 * Verifies a received webhook: the three headers present, the timestamp within ±5 minutes of `now`, and one of the
 * `v1=` signatures of the signature header (several during a secret rotation) equal to the HMAC of
 * timestamp.deliveryId.body (compared in constant time). `body` must be the raw request body, byte for byte.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now: Date = new Date(),
  toleranceSeconds: number = WEBHOOK_TOLERANCE_SECONDS,
): WebhookVerification {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const deliveryId = header(WEBHOOK_HEADERS.deliveryId);
  const rawTimestamp = header(WEBHOOK_HEADERS.timestamp);
  const signatures = header(WEBHOOK_HEADERS.signature);
  if (!deliveryId || !rawTimestamp || !signatures) return { ok: false, reason: 'missing signature headers' };
  if (!/^[0-9]{1,12}$/.test(rawTimestamp)) return { ok: false, reason: 'malformed timestamp' };
  const timestamp = Number(rawTimestamp);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'timestamp outside the 5-minute window' };
  const expected = Buffer.from(signWebhook(secret, timestamp, deliveryId, body), 'hex');
  const matches = signatures
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .some((part) => {
      const given = Buffer.from(part.slice(3), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return matches ? { ok: true, deliveryId, timestamp } : { ok: false, reason: 'signature mismatch' };
}

import { createHash } from 'node:crypto';
import type { DeliveryFile, DeliveryPayload } from './DeliveryPayload.ts';
import { DeliveryError } from './DeliveryError.ts';
import { requestOutbound } from './requestOutbound.ts';
import { signWebhook, WEBHOOK_HEADERS } from './webhookSignature.ts';

/** Files up to this size travel inline (base64) in the webhook body; larger ones only with their signed `url`. */
export const WEBHOOK_INLINE_LIMIT = 256 * 1024;

/** The JSON body of a webhook: event, participant, service, submission (data only for 'submission.received'), files. */
export async function buildWebhookBody(payload: DeliveryPayload): Promise<string> {
  const { submission } = payload;
  const received = payload.event.type === 'submission.received';
  return JSON.stringify({
    deliveryId: payload.deliveryId,
    event: payload.event,
    participant: payload.participant,
    service: payload.service,
    submission: {
      id: submission.id,
      reference: submission.reference,
      status: payload.event.status ?? submission.status,
      receivedAt: submission.receivedAt,
      ...(received ? { data: submission.data } : {}),
    },
    statusCode: payload.statusCode ?? null,
    attachments: received ? await Promise.all(payload.attachments.map(describeFile)) : [],
    documents: received ? await Promise.all(payload.documents.map(describeFile)) : [],
    links: { inbox: payload.inboxUrl },
  });
}

async function describeFile(file: DeliveryFile): Promise<Record<string, unknown>> {
  const inline = file.size <= WEBHOOK_INLINE_LIMIT || !file.url;
  const content = inline ? await file.read() : undefined;
  return {
    id: file.id,
    purpose: file.purpose,
    filename: file.filename,
    mimeType: file.mimeType,
    size: file.size,
    ...(content ? { sha256: createHash('sha256').update(content).digest('hex'), contentBase64: content.toString('base64') } : { url: file.url }),
  };
}

/**
 * POSTs the signed webhook: headers Kreisform-Delivery-Id, Kreisform-Timestamp (Unix seconds), Kreisform-Event and
 * Kreisform-Signature `v1=<HMAC-SHA256 hex of timestamp.deliveryId.body>`. Any 2xx answer is delivered; anything
 * else (also a redirect, which is never followed) is a failed attempt.
 */
export async function sendWebhook(
  payload: DeliveryPayload,
  channel: { config: Record<string, unknown>; secret: string | null },
  options: { timeoutMs: number; allowPrivate: boolean; now: () => Date },
): Promise<void> {
  const url = channel.config.url;
  if (typeof url !== 'string') throw new DeliveryError('CHANNEL_INVALID', 'the webhook channel has no URL', true);
  if (!channel.secret) throw new DeliveryError('CHANNEL_INVALID', 'the webhook channel has no secret', true);
  const body = await buildWebhookBody(payload);
  const timestamp = Math.floor(options.now().getTime() / 1000);
  const response = await requestOutbound(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'kreisform-webhook/1',
      [WEBHOOK_HEADERS.deliveryId]: payload.deliveryId,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.event]: payload.event.type,
      [WEBHOOK_HEADERS.signature]: `v1=${signWebhook(channel.secret, timestamp, payload.deliveryId, body)}`,
    },
    body,
    timeoutMs: options.timeoutMs,
    allowPrivate: options.allowPrivate,
  });
  if (response.status < 200 || response.status > 299) throw new DeliveryError('HTTP_STATUS', `the receiver answered ${response.status}`);
}

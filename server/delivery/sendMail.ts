import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryPayload } from './DeliveryPayload.ts';
import { DeliveryError } from './DeliveryError.ts';
import { composeReceipt, composeStaffNotice, composeStatusMail, type ComposedMail } from './composeMail.ts';
import type { DeliveryKind } from '../storage/OutboxRepository.ts';

const EMAIL = /^[^\s@<>",;]{1,64}@[^\s@<>",;]{1,253}$/;

/** A pooled SMTP transport for SMTP_URL (nodemailer); undefined without SMTP_URL. */
export function createMailTransport(smtpUrl: string | undefined): Transporter | undefined {
  if (!smtpUrl) return undefined;
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
}

/**
 * Sends one of the three mails. Recipients: the citizen's receipt and status mail go only to the definition's
 * contact e-mail; the staff notice only to the channel's configured inbox address. The delivery id is the
 * Message-ID, so a duplicate attempt is recognisable as the same message.
 */
export async function sendMail(
  transport: Transporter | undefined,
  from: string,
  kind: Extract<DeliveryKind, 'citizen_receipt' | 'citizen_status' | 'staff_notice'>,
  payload: DeliveryPayload,
  channel: { config: Record<string, unknown> },
): Promise<void> {
  if (!transport) throw new DeliveryError('SMTP_NOT_CONFIGURED', 'SMTP_URL is not set');
  let to: string | undefined;
  let mail: ComposedMail;
  if (kind === 'staff_notice') {
    to = typeof channel.config.address === 'string' && EMAIL.test(channel.config.address) ? channel.config.address : undefined;
    if (!to) throw new DeliveryError('CHANNEL_INVALID', 'the notice channel has no inbox address', true);
    mail = composeStaffNotice(payload);
  } else {
    to = payload.contactEmail;
    if (!to) throw new DeliveryError('NO_CONTACT_EMAIL', 'the submission has no contact e-mail', true);
    mail = kind === 'citizen_receipt' ? await composeReceipt(payload) : composeStatusMail(payload);
  }
  await transport.sendMail({
    from,
    to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
    messageId: `<${payload.deliveryId}@kreisform>`,
    headers: { 'X-Kreisform-Delivery-Id': payload.deliveryId, 'Auto-Submitted': 'auto-generated' },
  });
}

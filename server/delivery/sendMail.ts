import type { Transporter } from 'nodemailer';
import type { DeliveryPayload } from './DeliveryPayload.ts';
import { DeliveryError } from './DeliveryError.ts';
import { composeReceipt, composeStaffNotice, composeStatusMail, type ComposedMail } from './composeMail.ts';
import type { DeliveryKind } from '../storage/OutboxRepository.ts';

const EMAIL = /^[^\s@<>",;]{1,64}@[^\s@<>",;]{1,253}$/;

/** The SMTP transport of a relay: created with the first mail, so nodemailer loads only in processes that send mail. */
export interface MailTransport {
  get(): Promise<Transporter>;
  close(): void;
}

/** A pooled SMTP transport for SMTP_URL (nodemailer), created on first use; undefined without SMTP_URL. */
export function createMailTransport(smtpUrl: string | undefined): MailTransport | undefined {
  if (!smtpUrl) return undefined;
  let created: Promise<Transporter> | undefined;
  return {
    get: () =>
      (created ??= import('nodemailer').then(({ default: nodemailer }) =>
        nodemailer.createTransport({
          url: smtpUrl,
          pool: true,
          maxConnections: 4,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as Parameters<typeof nodemailer.createTransport>[0]),
      )),
    close: () => void created?.then((transporter) => transporter.close()),
  };
}

/**
 * Sends one of the three mails. Recipients: the citizen's receipt and status mail go only to the definition's
 * contact e-mail; the staff notice only to the channel's configured inbox address. The delivery id is the
 * Message-ID, so a duplicate attempt is recognisable as the same message.
 */
export async function sendMail(
  transport: MailTransport | undefined,
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
  await (await transport.get()).sendMail({
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

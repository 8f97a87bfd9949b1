import type { DeliveryPayload, PayloadContext } from './DeliveryPayload.ts';

/**
 * Adds to a delivery payload what other areas own: uploaded files (`payload.attachments`), the application PDF
 * (`payload.documents`, purpose 'form') and the citizen's status code (`payload.statusCode`). Runs when the relay
 * sends, after the base payload is built; must not store anything and must not log personal data.
 */
export type PayloadContributor = (payload: DeliveryPayload, context: PayloadContext) => Promise<void>;

/**
 * Further contributors beside the files area's (createFilePayloadContributors, which the relay always runs). Every
 * channel carries what they add: e-mail attaches the 'form' document to the citizen's receipt and names the status
 * code; the webhook lists attachments and documents (inline base64 up to WEBHOOK_INLINE_LIMIT, else their `url`);
 * FIT-Connect announces, encrypts and uploads each file and lists it in the metadata's contentStructure.
 */
export const PAYLOAD_CONTRIBUTORS: PayloadContributor[] = [];

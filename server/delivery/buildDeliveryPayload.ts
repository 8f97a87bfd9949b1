import type { Participant } from '../../engine/index.ts';
import { readContactEmail } from '../domain/readContactEmail.ts';
import type { PublishedFormVersion } from '../storage/FormVersionRepository.ts';
import type { OutboxDelivery } from '../storage/OutboxRepository.ts';
import type { Submission } from '../storage/SubmissionRepository.ts';
import type { DeliveryPayload } from './DeliveryPayload.ts';
import { PAYLOAD_CONTRIBUTORS, type PayloadContributor } from './payloadContributors.ts';

/**
 * The payload of one delivery, built from the submission as it is now (the outbox holds no personal data), then
 * extended by the contributors (attachments, PDF, status code: see payloadContributors.ts).
 */
export async function buildDeliveryPayload(
  input: { delivery: OutboxDelivery; submission: Submission; formVersion: PublishedFormVersion; participant: Participant; publicBaseUrl: string },
  contributors: readonly PayloadContributor[] = PAYLOAD_CONTRIBUTORS,
): Promise<DeliveryPayload> {
  const { delivery, submission, formVersion, participant } = input;
  const definition = formVersion.definition;
  const payload: DeliveryPayload = {
    deliveryId: delivery.id,
    event: { id: delivery.eventId, type: delivery.eventType, status: delivery.eventStatus, occurredAt: delivery.createdAt },
    submission,
    service: { id: formVersion.id, title: definition.title, version: formVersion.version, leikaKey: readLeikaKey(definition) },
    participant: { slug: participant.slug, name: participant.name },
    contactEmail: readContactEmail(definition, submission.data),
    inboxUrl: `${input.publicBaseUrl}/staff/eingang/${encodeURIComponent(submission.id)}`,
    attachments: [],
    documents: [],
    statusCode: undefined,
  };
  for (const contribute of contributors) await contribute(payload, { submission, formVersion, participant });
  return payload;
}

/** The LeiKa key of a definition: `source.leika` (FIM imports) or the top-level `leikaKey`. */
export function readLeikaKey(definition: object): string | undefined {
  const source = (definition as { source?: { leika?: unknown } }).source;
  const key = typeof source?.leika === 'string' ? source.leika : (definition as { leikaKey?: unknown }).leikaKey;
  return typeof key === 'string' && /^[0-9]{14}$/.test(key) ? key : undefined;
}

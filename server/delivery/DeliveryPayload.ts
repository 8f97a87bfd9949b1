import type { PublishedFormVersion } from '../storage/FormVersionRepository.ts';
import type { DeliveryEventType } from '../storage/OutboxRepository.ts';
import type { Submission } from '../storage/SubmissionRepository.ts';
import type { Participant } from '../../engine/index.ts';

/** A file that travels with a delivery: an uploaded attachment or a generated document such as the application PDF. */
export interface DeliveryFile {
  /** UUID, stable for the submission (FIT-Connect attachment id). */
  id: string;
  /** 'attachment' = uploaded by the citizen; 'form' = the application PDF; 'report' = other generated documents. */
  purpose: 'attachment' | 'form' | 'report';
  filename: string;
  mimeType: string;
  size: number;
  /** The bytes (read lazily; only senders that send the file call it). */
  read(): Promise<Buffer>;
  /** Short-lived signed download URL, when the file is linked rather than inlined (webhook). */
  url?: string;
}

/**
 * Everything a channel sends about one event. Built by buildDeliveryPayload from the submission when the relay sends
 * (nothing personal is stored in the outbox), then extended by the contributors in payloadContributors.ts.
 */
export interface DeliveryPayload {
  deliveryId: string;
  event: { id: string; type: DeliveryEventType; status: string | null; occurredAt: string };
  submission: Omit<Submission, 'data'> & { data: unknown };
  service: { id: string; title: string; version: string; leikaKey: string | undefined };
  participant: { slug: string; name: string };
  /** The citizen's contact e-mail (definition's `contactEmail`), for the citizen's mails only. */
  contactEmail: string | undefined;
  /** Link into the staff inbox for this submission (no personal data in it). */
  inboxUrl: string;
  /** Uploaded files (issue 11 fills this through a contributor). */
  attachments: DeliveryFile[];
  /** Generated documents, e.g. the application PDF with purpose 'form' (issue 11). */
  documents: DeliveryFile[];
  /** The citizen's status code for "Wo steht mein Antrag?" (issue 11), when there is one. */
  statusCode: string | undefined;
}

/** What a payload contributor may read. */
export interface PayloadContext {
  submission: Submission;
  formVersion: PublishedFormVersion;
  participant: Participant;
}

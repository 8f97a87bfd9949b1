/**
 * Wire types of the portal's HTTP API (the citizens' side, /api/v1/tenants/... and /api/v1/payments/...): the JSON
 * the server's use cases answer and the portal app reads. Types only; shared by server/ and renderer/.
 */
import type { FormDefinition, Lead } from '../engine/index.ts';
import type { SubmissionStatus } from './submissionStatus.ts';

/**
 * The legal pages of a participant's portal, each in the safe text format (engine/safeText.ts): Impressum,
 * Datenschutzerklärung in parts (controller, data protection officer, rights, supervisory authority, further notes)
 * and contact.
 */
export interface LegalPages {
  impressum: string;
  privacyController: string;
  privacyOfficer: string;
  privacyRights: string;
  privacySupervisory: string;
  /** Further notes of the Datenschutzerklärung (hosting, logs, cookies …); optional. */
  privacyMore: string;
  contact: string;
}

/** The legal pages as a participant's admin and its portal see them; `missing` lists German labels of empty required parts. */
export interface LegalPagesView extends LegalPages {
  missing: string[];
  updatedAt: string | null;
}

/** Whether a participant's portal takes new submissions, for the public tenant and service responses. */
export interface ParticipantStatus {
  acceptsSubmissions: boolean;
  /** The participant's end date after a termination notice (§ 3 (3)), else null. */
  endsOn: string | null;
  /** German notice for citizens once the portal takes no submissions, else null. */
  closedMessage: string | null;
}

/** The local details a participant's portal shows on a service page (the notification address stays internal). */
export interface PublicLocalDetails {
  office: string;
  contact: string;
  phone: string;
  email: string;
  openingHours: string;
  address: string;
  feeAmounts: Record<string, string>;
}

/** A fee as the citizen sees it: the participant's local amount, else the Kreis' default, else null (not yet known). */
export interface ServedFee {
  key: string;
  label: string;
  amount: string | null;
  note: string | null;
}

export type ServedDefinition = Omit<FormDefinition, '$schema' | 'source'> & {
  tenant: { slug: string; name: string; portalName: string };
  /** The participant's own details for this service (office, address, contact, opening hours), null when none. */
  local: PublicLocalDetails | null;
  /** The fees with the participant's local amounts applied. */
  fees: ServedFee[];
  /** The Art. 13 GDPR facts from the participant's Datenschutzerklärung (safe text), null while it has none. */
  privacyNotice: { controller: string; officer: string } | null;
} & ParticipantStatus;

export interface OfferedService {
  id: string;
  version: string;
  title: string;
  description: string;
  category: string | null;
  keywords: string[];
  leikaKey: string | null;
  lead: Lead;
}

export interface SavedDraft {
  /** The resume code; shown to the citizen once, stored only as a hash. */
  code: string;
  expiresAt: string;
}

export interface ResumedDraft {
  service: string;
  /** The version to fill in now (the one the participant serves). */
  version: string;
  data: Record<string, unknown>;
  /** Set when the draft was saved under an older compatible version and carried over. */
  migratedFrom?: string;
  /** German titles of answers that were dropped on the way (the new version no longer asks for them). */
  droppedFields?: string[];
}

/** The 201 answer to a submission. */
export interface SubmissionReceipt {
  id: string;
  reference: string;
  version: string;
  receivedAt: string;
  /** The citizen's status code for the status page (stored only hashed). */
  statusCode: string;
}

/** What a citizen sees of an application: no personal data, only its status and history. */
export interface PublicStatus {
  reference: string;
  serviceTitle: string;
  receivedAt: string;
  status: SubmissionStatus;
  statusName: string;
  history: { at: string; status: SubmissionStatus; statusName: string }[];
}

/** Virus scan state of an upload: 'clean' (scanned, nothing found) or 'unchecked' (no scanner: "nicht geprüft"). */
export type ScanState = 'clean' | 'unchecked';

/** The 201 answer to an upload: the opaque token (shown once) and what the server learned about the file. */
export interface UploadReceipt {
  token: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  scan: ScanState;
  expiresAt: string;
}

/** What the portal shows about a service's fee at a participant (service page and review). Amounts in cents. */
export interface FeeInfo {
  chargeable: boolean;
  /** True when the fee is paid online before the application is received. */
  online: boolean;
  basis?: 'fixed' | 'perItem' | 'byOption';
  pointer?: string;
  label?: string;
  baseCents?: number;
  unitCents?: number;
  optionCents?: Record<string, number>;
}

/** The 201 answer: where to send the citizen, and the token to read the payment's state later. */
export interface StartedPayment {
  paymentId: string;
  token: string;
  amountCents: number;
  paypageUrl: string;
  expiresAt: string;
}

/** What the citizen's portal learns about a payment (its answers only when it returns to the review). */
export interface PaymentState {
  paymentId: string;
  tenant: string;
  service: string;
  status: 'offen' | 'bezahlt' | 'abgebrochen' | 'fehlgeschlagen' | 'abgelaufen';
  amountCents: number;
  expiresAt: string;
  reference?: string;
  submissionId?: string;
  providerReference?: string;
  /** Only while open: the provider's paypage, to continue paying. */
  paypageUrl?: string;
  /** Only after a cancelled or failed payment, so the review shows the answers again. */
  data?: unknown;
}

/**
 * Wire types of the staff API (/api/v1/staff/...): editor, catalogue and offering, local details and payments, as the
 * server's use cases answer them and the staff app reads them. Types only; shared by server/ and renderer/.
 */
import type { DefinitionChange, DefinitionProblem, FormDefinition } from '../engine/index.ts';

/** A service's draft as kept on the server: one draft per service, shared by all editors. */
export interface EditorDraft {
  serviceId: string;
  /** The draft definition (JSON), possibly invalid while being edited. */
  definition: Record<string, unknown>;
  /** Incremented by every save; a save names the revision it was based on (optimistic concurrency). */
  revision: number;
  /** The published version the draft was started from; null for a new service. */
  baseVersion: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface VersionSummary {
  version: string;
  publishedAt: string;
  changelog: { date: string; summary: string };
}

export interface DraftSummary {
  version: string | null;
  revision: number;
  baseVersion: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface ServiceSummary {
  id: string;
  title: string;
  lead: unknown;
  latestVersion: string | null;
  versions: VersionSummary[];
  draft: DraftSummary | null;
}

/** Result of checking a definition: its problems and, against the latest published version, the changes. */
export interface DefinitionCheck {
  problems: DefinitionProblem[];
  previousVersion: string | null;
  changes: DefinitionChange[];
  requiredBump: 'major' | 'minor' | 'patch' | null;
  /** Problems of the chosen version number (not greater than all published, bump too small). */
  versionProblems: DefinitionProblem[];
  /** The smallest version the changes allow. */
  suggestedVersion: string | null;
}

/** A participant's own details for one service, shown on its portal's service page. */
export interface LocalDetails {
  office: string;
  contact: string;
  phone: string;
  email: string;
  notificationEmail: string;
  openingHours: string;
  /** Postal address of the responsible office (street, postcode and town; line breaks kept). */
  address: string;
  /** Local fee amounts by the key of a fee in the definition's serviceInfo.fees (German text, e.g. '30,00 Euro'). */
  feeAmounts: Record<string, string>;
}

/** One point of the enable checklist, with a German label. */
export interface ChecklistItem {
  key: string;
  label: string;
  done: boolean;
}

/** What must exist before a participant may switch a service on (like a publish checklist). */
export interface EnableChecklist {
  complete: boolean;
  items: ChecklistItem[];
}

/** A published version as the catalogue lists it (the same shape as the editor's version summary). */
export type CatalogueVersion = VersionSummary;

export interface CatalogueEntry {
  id: string;
  title: string;
  description: string;
  category: string | null;
  lead: FormDefinition['lead'];
  latestVersion: string;
  versions: CatalogueVersion[];
  /** Participants that serve a version of the service today. */
  offeredBy: string[];
  /** The user's own participant's enablement and the version it serves. */
  own: { enabled: boolean; versionPolicy: string; agreedOn: string; servedVersion: string | null } | null;
  /** The newest version of a major beyond the own policy, when there is one. */
  newerMajor: CatalogueVersion | null;
  local: LocalDetails | null;
  /** The fees of the version the checklist is for (served, else latest); fees without amount need a local one. */
  fees: { key: string; label: string; amount: string | null }[];
  /** What is still missing before the participant may switch the service on (for the served, else the latest version). */
  checklist: EnableChecklist;
}

/** What staff see of the payment a submission carried. */
export interface SubmissionPayment {
  submissionId: string;
  amountCents: number;
  provider: string;
  providerReference: string | undefined;
  transactionId: string | undefined;
  paidAt: string;
  transactionCostCents: number;
  state: 'bezahlt' | 'erstattet';
  refundedAt: string | undefined;
  refundReason: string | undefined;
  refundSent: boolean;
}

/** One row of the payments report: a participant's payments of one service in a year, never split. */
export interface PaymentReportRow {
  tenant: string;
  service: string;
  count: number;
  amountCents: number;
  transactionCostCents: number;
  refundedCount: number;
}

export interface PaymentReport {
  year: number;
  /** 'all' for the Kreis' editors and admins, otherwise the own participant. */
  scope: string;
  rows: PaymentReportRow[];
}

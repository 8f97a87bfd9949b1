import type { PopulationFigure, TerminationNotice } from '../../engine/agreement/types.ts';
import type { AuditEventInput } from './AuditRepository.ts';

/** A stored population figure with who imported it when. */
export interface StoredPopulationFigure extends PopulationFigure {
  importedAt: string;
  importedBy: string;
}

/** A service's costs for one year (§ 2 (2)), integer cents. */
export interface ServiceCost {
  service: string;
  year: number;
  amountCents: number;
  updatedAt: string;
  updatedBy: string;
}

/** A recorded termination notice (§ 3 (3)). */
export interface StoredTermination extends TerminationNotice {
  recordedBy: string;
  recordedAt: string;
}

export type InterfaceKind = 'fit-connect' | 'xta' | 'email' | 'custom';

/** A back-office interface a participant commissioned and pays itself (§ 2 (1)). */
export interface ParticipantInterface {
  name: string;
  kind: InterfaceKind;
  /** In use since, `YYYY-MM-DD`. */
  since: string;
}

/** A payment carried by a submission (transaction costs are the participant's own, § 2 (1)). */
export interface Payment {
  submissionId: string;
  tenant: string;
  service: string;
  amountCents: number;
  provider: string;
  paidAt: string;
  recordedBy: string;
}

/** A participant's payments in one year, per provider. */
export interface PaymentUsage {
  provider: string;
  count: number;
  sumCents: number;
}

/** Data of the agreement rules: population tables, service costs, terminations, interfaces, payments. */
export interface AgreementRepository {
  /** All figures, ordered by reference date and municipality key. */
  listPopulation(): Promise<StoredPopulationFigure[]>;
  /**
   * Stores imported figures in one transaction: an import replaces the figure for the same reference date and
   * key (a correction or the official table replacing a demo one); with `overwrite: false` (seeding) existing
   * figures are kept. Returns how many figures were written.
   */
  savePopulation(figures: readonly PopulationFigure[], by: string, options: { overwrite: boolean; audit?: AuditEventInput }): Promise<number>;
  /** Costs of all services for a year. */
  listCosts(year: number): Promise<ServiceCost[]>;
  saveCost(cost: ServiceCost, audit: AuditEventInput): Promise<ServiceCost>;
  /** All terminations (cached in memory; read on every public request). */
  listTerminations(): Promise<StoredTermination[]>;
  getTermination(tenant: string): Promise<StoredTermination | undefined>;
  /** Records a termination; 'exists' when the participant already has one. */
  createTermination(termination: StoredTermination, audit: AuditEventInput): Promise<'created' | 'exists'>;
  /** Withdraws a termination recorded in error; false when there was none. */
  deleteTermination(tenant: string, audit: AuditEventInput): Promise<boolean>;
  /** A participant's interfaces, ordered by since and name. */
  listInterfaces(tenant: string): Promise<ParticipantInterface[]>;
  /** Replaces a participant's list of interfaces. */
  replaceInterfaces(tenant: string, interfaces: readonly ParticipantInterface[], by: string, audit: AuditEventInput): Promise<void>;
  /**
   * Records the payment of a submission of `payment.tenant` (the service is taken from the submission);
   * 'no-submission' when that participant has no such submission, 'exists' when it already carries a payment.
   */
  recordPayment(payment: Omit<Payment, 'service'>, audit: AuditEventInput): Promise<Payment | 'no-submission' | 'exists'>;
  /** Payments of a participant with paidAt in [from, before), per provider. */
  sumPayments(tenant: string, from: string, before: string): Promise<PaymentUsage[]>;
}

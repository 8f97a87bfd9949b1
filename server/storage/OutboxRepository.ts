import type { AuditEventInput } from './AuditRepository.ts';

/** Where a delivery goes: the citizen's receipt and status mails, the staff notice, a signed webhook, FIT-Connect. */
export type DeliveryKind = 'citizen_receipt' | 'citizen_status' | 'staff_notice' | 'webhook' | 'fitconnect';
export const DELIVERY_KINDS: readonly DeliveryKind[] = ['citizen_receipt', 'citizen_status', 'staff_notice', 'webhook', 'fitconnect'];

export type DeliveryState = 'pending' | 'delivered' | 'dead';
export type DeliveryEventType = 'submission.received' | 'submission.status_changed';

/** One delivery of one event to one channel. `id` is the stable delivery id (the same on every attempt). */
export interface OutboxDelivery {
  id: string;
  eventId: string;
  eventType: DeliveryEventType;
  /** The status a status change moved to. */
  eventStatus: string | null;
  tenant: string;
  submissionId: string;
  channelId: string;
  kind: DeliveryKind;
  state: DeliveryState;
  /** Attempts started so far (counted when a relay claims the delivery). */
  attempts: number;
  nextAttemptAt: string;
  /** Technical reason of the last failure, never personal data. */
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** Outbox depth of one participant. */
export interface OutboxStats {
  tenant: string;
  pending: number;
  dead: number;
  oldestPendingAt: string | null;
}

/**
 * The transactional outbox. Rows are inserted by the submission repository in the transaction of the change; this
 * repository serves the relay (claim with a lease, settle) and the staff views.
 */
export interface OutboxRepository {
  /**
   * Claims up to `limit` due pending deliveries whose lease (if any) expired: sets owner and lease and counts the
   * attempt, in one write, so two relays (also in two processes) never hold the same delivery at once.
   */
  claim(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxDelivery[]>;
  /** Marks a claimed delivery delivered; false when the lease was lost (another relay took it) or the row is gone. */
  markDelivered(id: string, owner: string, at: string): Promise<boolean>;
  /** Records a failed attempt: retried at `retryAt`, or dead-lettered when `retryAt` is undefined. */
  markFailed(id: string, owner: string, error: string, retryAt: string | undefined): Promise<boolean>;
  /** Gives up the leases of an owner (on shutdown), so another relay may take them at once. */
  releaseLeases(owner: string): Promise<void>;
  /** The deliveries of one submission of the tenant, oldest first. */
  listBySubmission(tenant: string, submission: { id: string; receivedAt: string }): Promise<OutboxDelivery[]>;
  /** Queues a dead delivery of the tenant again (same delivery id), with its audit event; 'not-dead' for other states. */
  resend(tenant: string, id: string, at: string, audit: AuditEventInput): Promise<OutboxDelivery | 'not-dead' | undefined>;
  /** Pending and dead deliveries with the oldest pending creation time, per participant (all when tenant is undefined). */
  stats(tenant?: string): Promise<OutboxStats[]>;
}

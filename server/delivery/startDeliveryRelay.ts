import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../Logger.ts';
import type { ServerConfig } from '../ServerConfig.ts';
import type { DeliveryChannel } from '../storage/DeliveryChannelRepository.ts';
import type { OutboxDelivery } from '../storage/OutboxRepository.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BlobStore } from '../files/BlobStore.ts';
import { buildDeliveryPayload } from './buildDeliveryPayload.ts';
import { createFilePayloadContributors } from './createFilePayloadContributors.ts';
import { PAYLOAD_CONTRIBUTORS } from './payloadContributors.ts';
import { computeRetryDelay } from './computeRetryDelay.ts';
import type { DeliveryPayload } from './DeliveryPayload.ts';
import { DeliveryError, describeDeliveryError } from './DeliveryError.ts';
import { sendFitConnect } from './sendFitConnect.ts';
import { createMailTransport, sendMail } from './sendMail.ts';
import { sendWebhook } from './sendWebhook.ts';

export interface DeliveryRelayDeps {
  storage: Storage;
  logger: Logger;
  config: ServerConfig;
  /** Uploaded files, for the payloads of received submissions. */
  blobs: BlobStore;
  /** Key the citizens' status codes derive from. */
  statusCodeKey: Buffer;
  now: () => Date;
}

export interface DeliveryRelay {
  /** Lease owner id of this relay (host, process, random). */
  readonly owner: string;
  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void;
  /** Stops claiming, waits for deliveries in flight, gives up this relay's leases and closes the SMTP pool. */
  stop(): Promise<void>;
}

/** Tries to record a sent delivery as delivered, and the pause before the n-th retry (n × this). */
const RECORD_ATTEMPTS = 5;
const RECORD_RETRY_MS = 250;

/** Sends one payload to one channel; resolves when the receiver accepted it. */
export type DeliverySender = (payload: DeliveryPayload, channel: DeliveryChannel & { secret: string | null }) => Promise<void>;

/**
 * The outbox relay (in `npm start`, or alone in `npm run worker`). It claims due deliveries with a lease (so no two
 * relays, in one or several processes, send the same delivery at once; a crashed relay's leases expire and another
 * takes over), builds each payload from the submission, sends it and settles the row: delivered, retried after an
 * exponential delay with jitter, or dead-lettered after DELIVERY_MAX_ATTEMPTS (or at once for a permanent error).
 * At least once: a relay killed after sending but before settling sends again later with the same delivery id.
 * Log lines carry delivery id, kind, attempt and error codes only.
 */
export function startDeliveryRelay(deps: DeliveryRelayDeps, options: { senders?: Partial<Record<OutboxDelivery['kind'], DeliverySender>> } = {}): DeliveryRelay {
  const settings = deps.config.delivery;
  const fileContributors = createFilePayloadContributors(deps);
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const transport = createMailTransport(settings.smtpUrl);
  const http = { timeoutMs: settings.httpTimeoutMs, allowPrivate: settings.allowPrivateTargets };
  const senders: Record<OutboxDelivery['kind'], DeliverySender> = {
    citizen_receipt: (payload, channel) => sendMail(transport, settings.mailFrom, 'citizen_receipt', payload, channel),
    citizen_status: (payload, channel) => sendMail(transport, settings.mailFrom, 'citizen_status', payload, channel),
    staff_notice: (payload, channel) => sendMail(transport, settings.mailFrom, 'staff_notice', payload, channel),
    webhook: (payload, channel) => sendWebhook(payload, channel, { ...http, now: deps.now }),
    fitconnect: async (payload, channel) => void (await sendFitConnect(payload, channel, http)),
    ...options.senders,
  };
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  let again = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void (current = tick()), delayMs);
  };

  async function tick(): Promise<void> {
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        const free = settings.concurrency - inFlight.size;
        if (free <= 0 || stopped) break;
        const now = deps.now();
        const claimed = await deps.storage.outbox.claim(owner, now.toISOString(), new Date(now.getTime() + settings.leaseMs).toISOString(), free);
        for (const delivery of claimed) {
          const running: Promise<void> = deliver(delivery).finally(() => {
            inFlight.delete(running);
            if (!stopped) schedule(0);
          });
          inFlight.add(running);
        }
        if (claimed.length === free) again = true;
      } while (again && !stopped);
    } catch (error) {
      if (!stopped) deps.logger.error('delivery relay: claim failed', { error: error instanceof Error ? error.name : 'unknown' });
    } finally {
      ticking = false;
      schedule(settings.pollMs);
    }
  }

  async function deliver(delivery: OutboxDelivery): Promise<void> {
    const started = Date.now();
    const fields = { deliveryId: delivery.id, kind: delivery.kind, attempt: delivery.attempts };
    try {
      const channel = await deps.storage.deliveryChannels.getForRelay(delivery.channelId);
      if (!channel) throw new DeliveryError('CHANNEL_REMOVED', 'the channel was deleted', true);
      if (!channel.enabled) throw new DeliveryError('CHANNEL_DISABLED', 'the channel is switched off', true);
      const submission = await deps.storage.submissions.get(delivery.tenant, delivery.submissionId);
      // Erased meanwhile: its outbox rows went with it, there is nothing left to settle.
      if (!submission) return;
      const [formVersion, participant] = await Promise.all([
        deps.storage.formVersions.get(submission.service, submission.version),
        deps.storage.participants.get(delivery.tenant),
      ]);
      if (!formVersion || !participant) throw new DeliveryError('INTERNAL', 'form version or participant not found', true);
      const payload = await buildDeliveryPayload({ delivery, submission, formVersion, participant, publicBaseUrl: settings.publicBaseUrl }, [
        ...fileContributors,
        ...PAYLOAD_CONTRIBUTORS,
      ]);
      await withTimeout(senders[delivery.kind](payload, channel), Math.floor(settings.leaseMs / 2));
    } catch (error) {
      const { text, permanent } = describeDeliveryError(error);
      const dead = permanent || delivery.attempts >= settings.maxAttempts;
      const retryAt = dead ? undefined : new Date(deps.now().getTime() + computeRetryDelay(delivery.attempts, settings.retryBaseMs, settings.retryMaxMs)).toISOString();
      await deps.storage.outbox.markFailed(delivery.id, owner, text, retryAt).catch(() => undefined);
      deps.logger.warn(dead ? 'delivery dead-lettered' : 'delivery failed', { ...fields, error: text, ms: Date.now() - started, ...(retryAt ? { retryAt } : {}) });
      return;
    }
    // Sent. Failing to record that (the database busy for a moment) is not a failed send: settling it as one would
    // send it again at its retry. Only when it cannot be recorded at all does the lease expire and it goes again.
    try {
      const settled = await recordDelivered(delivery.id);
      deps.logger.info('delivery delivered', { ...fields, ms: Date.now() - started, ...(settled ? {} : { leaseLost: true }) });
    } catch (error) {
      deps.logger.error('delivery sent but not recorded', { ...fields, error: error instanceof Error ? error.message : 'unknown' });
    }
  }

  async function recordDelivered(id: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deps.storage.outbox.markDelivered(id, owner, deps.now().toISOString());
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS * attempt));
      }
    }
  }

  schedule(0);
  return {
    owner,
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      await Promise.allSettled([...inFlight]);
      await deps.storage.outbox.releaseLeases(owner).catch(() => undefined);
      transport?.close();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryError('TIMEOUT', `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

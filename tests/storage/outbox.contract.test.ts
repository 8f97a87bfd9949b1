import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../server/storage/AuditRepository.ts';
import type { DeliveryKind, OutboxDelivery } from '../../server/storage/OutboxRepository.ts';
import type { Storage } from '../../server/storage/Storage.ts';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { A, B, OTHER_SERVICE, SERVICE, createSubmission, newSubmission, nextTime, openSecondProcess, openSubmissionStorage } from './submissionFixtures.ts';

const audit = (tenant: string, action: string, subject: string | null = null): AuditEventInput => ({ tenant, actor: 'user-1', action, subject });
const NOW = '2026-12-01T00:00:00.000Z';
const LEASE = '2026-12-01T00:05:00.000Z';

async function addChannel(storage: Storage, tenant: string, id: string, kind: DeliveryKind, service: string | null = null, enabled = true): Promise<void> {
  const saved = await storage.deliveryChannels.save({ id, tenant, service, kind, enabled, config: {}, secret: undefined }, nextTime(), 'admin', audit(tenant, 'delivery_channel.saved'));
  expect(saved).toBe('created');
}

describe.each(BACKENDS)('outbox on %s', (backend) => {
  describe('deliveries written with the change', () => {
    let opened: TestStorage;
    beforeAll(async () => {
      opened = await openSubmissionStorage(backend);
      await addChannel(opened.storage, A.slug, 'a-webhook', 'webhook');
      await addChannel(opened.storage, A.slug, 'a-webhook-other', 'webhook', OTHER_SERVICE);
      await addChannel(opened.storage, A.slug, 'a-staff', 'staff_notice', SERVICE);
      await addChannel(opened.storage, A.slug, 'a-receipt', 'citizen_receipt');
      await addChannel(opened.storage, A.slug, 'a-status', 'citizen_status');
      await addChannel(opened.storage, A.slug, 'a-fit', 'fitconnect', null, false);
      await addChannel(opened.storage, B.slug, 'b-webhook', 'webhook');
    });
    afterAll(() => opened.dispose());

    it('When a submission is received, then one pending delivery per matching enabled channel is stored in its transaction', async () => {
      const withMail = await createSubmission(opened.storage, newSubmission(A, { hasContactEmail: true }));
      const deliveries = await opened.storage.outbox.listBySubmission(A.slug, withMail);
      expect(deliveries.map((d) => [d.kind, d.channelId]).sort()).toEqual([
        ['citizen_receipt', 'a-receipt'],
        ['staff_notice', 'a-staff'],
        ['webhook', 'a-webhook'],
      ]);
      for (const d of deliveries) {
        expect(d).toMatchObject({ eventType: 'submission.received', eventStatus: null, tenant: A.slug, submissionId: withMail.id, state: 'pending', attempts: 0, nextAttemptAt: withMail.receivedAt, createdAt: withMail.receivedAt, lastError: null, deliveredAt: null });
        expect(d.id).toBe(`${d.eventId}.${d.kind}`);
        expect(d.eventId.endsWith(`.${withMail.id}.received`)).toBe(true);
      }
      const withoutMail = await createSubmission(opened.storage, newSubmission(A, { service: OTHER_SERVICE }));
      // The service's own webhook replaces the participant's general one; no staff notice, no receipt without an address.
      expect((await opened.storage.outbox.listBySubmission(A.slug, withoutMail)).map((d) => [d.kind, d.channelId])).toEqual([['webhook', 'a-webhook-other']]);
      expect(await opened.storage.outbox.listBySubmission(B.slug, withMail)).toEqual([]);
    });

    it('When the status changes, then the webhook and the citizen status mail are queued with the change, and erasure removes all deliveries', async () => {
      const s = await createSubmission(opened.storage, newSubmission(A, { hasContactEmail: true }));
      const changed = await opened.storage.submissions.changeStatus(A.slug, s.id, 'eingegangen', 'in_bearbeitung', nextTime(), audit(A.slug, 'submission.status_changed', s.id), {
        eventSuffix: 'abc123',
        hasContactEmail: true,
      });
      expect(changed.kind).toBe('changed');
      const status = (await opened.storage.outbox.listBySubmission(A.slug, s)).filter((d) => d.eventType === 'submission.status_changed');
      expect(status.map((d) => d.kind).sort()).toEqual(['citizen_status', 'webhook']);
      for (const d of status) expect(d).toMatchObject({ eventStatus: 'in_bearbeitung', state: 'pending' });
      expect(status[0]!.eventId.endsWith(`.${s.id}.status.abc123`)).toBe(true);
      // A refused change queues nothing.
      await opened.storage.submissions.changeStatus(A.slug, s.id, 'eingegangen', 'abgelehnt', nextTime(), audit(A.slug, 'x'), { eventSuffix: 'def', hasContactEmail: true });
      expect(await opened.storage.outbox.listBySubmission(A.slug, s)).toHaveLength(5);

      await opened.storage.submissions.erase(A.slug, s.id, nextTime(), () => audit(A.slug, 'submission.erased', s.id));
      expect(await opened.storage.outbox.listBySubmission(A.slug, s)).toEqual([]);
    });

    it('When the outbox is counted, then pending and dead deliveries are reported per participant', async () => {
      const stats = await opened.storage.outbox.stats();
      expect(stats.map((s) => s.tenant)).toEqual([A.slug]);
      expect(stats[0]).toMatchObject({ pending: 4, dead: 0 });
      expect(await opened.storage.outbox.stats(B.slug)).toEqual([]);
    });
  });

  describe('relays', () => {
    let opened: TestStorage;
    const all: OutboxDelivery[] = [];
    beforeAll(async () => {
      opened = await openSubmissionStorage(backend);
      await addChannel(opened.storage, B.slug, 'b-webhook', 'webhook');
      await addChannel(opened.storage, B.slug, 'b-staff', 'staff_notice');
      for (let i = 0; i < 12; i++) {
        const s = await createSubmission(opened.storage, newSubmission(B));
        all.push(...(await opened.storage.outbox.listBySubmission(B.slug, s)));
      }
    });
    afterAll(() => opened.dispose());

    it('When four relays of two processes claim at once, then no delivery is held by two and all due ones are taken', async () => {
      expect(all).toHaveLength(24);
      const second = await openSecondProcess(opened, backend);
      try {
        const outboxes = [opened.storage.outbox, second.storage.outbox];
        const claims = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((owner, i) => outboxes[i % 2]!.claim(owner, NOW, LEASE, 7)));
        const ids = claims.flat().map((d) => d.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(all.map((d) => d.id).sort());
        for (const d of claims.flat()) expect(d.attempts).toBe(1);
        // Nothing is due while the leases last.
        expect(await opened.storage.outbox.claim('r5', NOW, LEASE, 100)).toEqual([]);
        const r1 = claims[0]!;
        expect(r1.length).toBeGreaterThan(0);
        // A settled delivery is settled once, by its holder only.
        expect(await second.storage.outbox.markDelivered(r1[0]!.id, 'r2', NOW)).toBe(false);
        expect(await second.storage.outbox.markDelivered(r1[0]!.id, 'r1', NOW)).toBe(true);
        expect(await opened.storage.outbox.markDelivered(r1[0]!.id, 'r1', NOW)).toBe(false);
      } finally {
        await second.dispose();
      }
    });

    it('When leases expire or are released, then another relay takes the deliveries and counts the attempt', async () => {
      const afterLease = '2026-12-01T00:06:00.000Z';
      const again = await opened.storage.outbox.claim('r6', afterLease, '2026-12-01T00:10:00.000Z', 100);
      expect(again).toHaveLength(23);
      expect(again.every((d) => d.attempts === 2)).toBe(true);
      await opened.storage.outbox.releaseLeases('r6');
      const released = await opened.storage.outbox.claim('r7', afterLease, '2026-12-01T00:10:00.000Z', 100);
      expect(released).toHaveLength(23);
      expect(released.every((d) => d.attempts === 3)).toBe(true);
    });

    it('When attempts fail, then a delivery is retried later or dead-lettered, and a dead one can be resent once by its participant', async () => {
      // A submission none of whose deliveries was settled by the earlier test (which one that is depends on the claim order).
      const submissions = all.map((d) => ({ id: d.submissionId, receivedAt: d.createdAt }));
      let target = submissions[0]!;
      for (const candidate of submissions) {
        if ((await opened.storage.outbox.listBySubmission(B.slug, candidate)).every((d) => d.state === 'pending')) target = candidate;
      }
      const [retried, dead] = await opened.storage.outbox.listBySubmission(B.slug, target);
      const retryAt = '2026-12-02T00:00:00.000Z';
      expect(await opened.storage.outbox.markFailed(retried!.id, 'other', 'HTTP 500', retryAt)).toBe(false);
      expect(await opened.storage.outbox.markFailed(retried!.id, 'r7', 'HTTP 500', retryAt)).toBe(true);
      expect(await opened.storage.outbox.markFailed(dead!.id, 'r7', 'x'.repeat(400), undefined)).toBe(true);
      const [afterRetry, afterDead] = await opened.storage.outbox.listBySubmission(B.slug, target);
      expect(afterRetry).toMatchObject({ state: 'pending', nextAttemptAt: retryAt, lastError: 'HTTP 500' });
      expect(afterDead).toMatchObject({ state: 'dead' });
      expect(afterDead!.lastError).toHaveLength(300);
      await opened.storage.outbox.releaseLeases('r7');
      const due = await opened.storage.outbox.claim('r8', '2026-12-01T12:00:00.000Z', '2026-12-01T12:05:00.000Z', 100);
      expect(due.map((d) => d.id)).not.toContain(retried!.id);
      expect(due.map((d) => d.id)).not.toContain(dead!.id);
      expect(await opened.storage.outbox.stats(B.slug)).toEqual([{ tenant: B.slug, pending: 22, dead: 1, oldestPendingAt: all[0]!.createdAt }]);

      expect(await opened.storage.outbox.resend(A.slug, dead!.id, NOW, audit(A.slug, 'outbox.resent'))).toBeUndefined();
      expect(await opened.storage.outbox.resend(B.slug, retried!.id, NOW, audit(B.slug, 'outbox.resent'))).toBe('not-dead');
      const resent = await opened.storage.outbox.resend(B.slug, dead!.id, NOW, audit(B.slug, 'outbox.resent', dead!.id));
      expect(resent).toMatchObject({ id: dead!.id, state: 'pending', attempts: 0, nextAttemptAt: NOW });
      expect(await opened.storage.outbox.resend(B.slug, dead!.id, NOW, audit(B.slug, 'outbox.resent'))).toBe('not-dead');
      expect(await opened.storage.audit.list({ tenant: B.slug, action: 'outbox.resent' })).toHaveLength(1);
      expect((await opened.storage.outbox.claim('r9', '2026-12-01T12:00:00.000Z', '2026-12-01T12:05:00.000Z', 100)).map((d) => d.id)).toEqual([dead!.id]);
    });
  });
});

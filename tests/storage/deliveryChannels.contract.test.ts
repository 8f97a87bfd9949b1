import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../server/storage/AuditRepository.ts';
import type { SaveDeliveryChannel } from '../../server/storage/DeliveryChannelRepository.ts';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { A, B, SERVICE, openSecondProcess, openSubmissionStorage } from './submissionFixtures.ts';

const audit = (tenant: string, action: string): AuditEventInput => ({ tenant, actor: 'admin-1', action, subject: null });
const AT = '2026-04-01T10:00:00.000Z';

function channel(overrides: Partial<SaveDeliveryChannel>): SaveDeliveryChannel {
  return { id: 'ch-1', tenant: A.slug, service: null, kind: 'webhook', enabled: true, config: { url: 'https://example.org/hook' }, secret: undefined, ...overrides };
}

describe.each(BACKENDS)('delivery channels on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSubmissionStorage(backend);
  });
  afterAll(() => opened.dispose());
  const channels = () => opened.storage.deliveryChannels;

  it('When a channel is saved and saved again, then it is created, then updated keeping its secret, and never shown to another participant', async () => {
    expect(await channels().save(channel({ secret: 's3cret' }), AT, 'admin-1', audit(A.slug, 'delivery_channel.saved'))).toBe('created');
    expect(await channels().get(A.slug, 'ch-1')).toEqual({
      id: 'ch-1',
      tenant: A.slug,
      service: null,
      kind: 'webhook',
      enabled: true,
      config: { url: 'https://example.org/hook' },
      hasSecret: true,
      createdAt: AT,
      updatedAt: AT,
      updatedBy: 'admin-1',
    });
    const later = '2026-04-02T10:00:00.000Z';
    expect(await channels().save(channel({ enabled: false, config: { url: 'https://example.org/v2' } }), later, 'admin-2', audit(A.slug, 'delivery_channel.saved'))).toBe('updated');
    expect(await channels().getForRelay('ch-1')).toMatchObject({ enabled: false, config: { url: 'https://example.org/v2' }, secret: 's3cret', updatedAt: later, createdAt: AT, updatedBy: 'admin-2' });
    expect(await channels().get(B.slug, 'ch-1')).toBeUndefined();
    expect(await channels().list(B.slug)).toEqual([]);
    expect(await opened.storage.audit.list({ tenant: A.slug, action: 'delivery_channel.saved' })).toHaveLength(2);
  });

  it('When a channel would take the kind and service of another or the id of another participant, then it is a conflict', async () => {
    expect(await channels().save(channel({ id: 'ch-2' }), AT, 'admin-1', audit(A.slug, 'delivery_channel.saved'))).toBe('conflict');
    expect(await channels().save(channel({ tenant: B.slug }), AT, 'admin-1', audit(B.slug, 'delivery_channel.saved'))).toBe('conflict');
    expect(await channels().save(channel({ id: 'ch-3', service: SERVICE }), AT, 'admin-1', audit(A.slug, 'delivery_channel.saved'))).toBe('created');
    expect((await channels().list(A.slug)).map((c) => [c.id, c.service])).toEqual([
      ['ch-1', null],
      ['ch-3', SERVICE],
    ]);
    expect(await channels().get(B.slug, 'ch-3')).toBeUndefined();
  });

  it('When two processes save channels of one kind and service at once, then one is created and the other is a conflict', async () => {
    const second = await openSecondProcess(opened, backend);
    try {
      const results = await Promise.all([
        channels().save(channel({ id: 'race-1', tenant: B.slug, kind: 'fitconnect' }), AT, 'a', audit(B.slug, 'delivery_channel.saved')),
        second.storage.deliveryChannels.save(channel({ id: 'race-2', tenant: B.slug, kind: 'fitconnect' }), AT, 'a', audit(B.slug, 'delivery_channel.saved')),
      ]);
      expect(results.sort()).toEqual(['conflict', 'created']);
    } finally {
      await second.dispose();
    }
  });

  it('When a channel is deleted, then only its own participant can and the deletion is audited', async () => {
    expect(await channels().delete(B.slug, 'ch-3', AT, audit(B.slug, 'delivery_channel.deleted'))).toBe(false);
    expect(await channels().delete(A.slug, 'ch-3', AT, audit(A.slug, 'delivery_channel.deleted'))).toBe(true);
    expect(await channels().get(A.slug, 'ch-3')).toBeUndefined();
    expect(await opened.storage.audit.list({ tenant: A.slug, action: 'delivery_channel.deleted' })).toHaveLength(1);
    expect(await opened.storage.audit.list({ tenant: B.slug, action: 'delivery_channel.deleted' })).toHaveLength(0);
  });

  it('When defaults are seeded by two processes at once, then each participant without one gets exactly one', async () => {
    const second = await openSecondProcess(opened, backend);
    try {
      const tenants = [A.slug, B.slug];
      const inserted = await Promise.all([
        channels().seedDefaults('staff_notice', tenants, AT),
        second.storage.deliveryChannels.seedDefaults('staff_notice', tenants, AT),
      ]);
      expect(inserted[0] + inserted[1]).toBe(2);
      expect(await channels().seedDefaults('staff_notice', tenants, AT)).toBe(0);
      for (const tenant of tenants) {
        const defaults = (await channels().list(tenant)).filter((c) => c.kind === 'staff_notice');
        expect(defaults).toHaveLength(1);
        expect(defaults[0]).toMatchObject({ service: null, enabled: true, config: {}, hasSecret: false, updatedBy: 'system' });
      }
    } finally {
      await second.dispose();
    }
  });
});

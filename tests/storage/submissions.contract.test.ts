import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../server/storage/AuditRepository.ts';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { A, B, OTHER_SERVICE, SERVICE, createSubmission, newSubmission, nextTime, openSecondProcess, openSubmissionStorage, sequenceOf } from './submissionFixtures.ts';

const audit = (tenant: string, action: string, subject: string | null = null): AuditEventInput => ({ tenant, actor: 'user-1', action, subject });

describe.each(BACKENDS)('submissions on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSubmissionStorage(backend);
  });
  afterAll(() => opened.dispose());
  const repo = () => opened.storage.submissions;

  it('When submissions are created, then references are consecutive per participant and year, six digits wide', async () => {
    const first = await createSubmission(opened.storage, newSubmission(A, { referenceYear: 2031 }));
    const second = await createSubmission(opened.storage, newSubmission(A, { referenceYear: 2031 }));
    const otherParticipant = await createSubmission(opened.storage, newSubmission(B, { referenceYear: 2031 }));
    const otherYear = await createSubmission(opened.storage, newSubmission(A, { referenceYear: 2032 }));
    expect(first.reference).toBe(`${A.referencePrefix}-2031-000001`);
    expect(second.reference).toBe(`${A.referencePrefix}-2031-000002`);
    expect(otherParticipant.reference).toBe(`${B.referencePrefix}-2031-000001`);
    expect(otherYear.reference).toBe(`${A.referencePrefix}-2032-000001`);
    expect(first).toMatchObject({ status: 'eingegangen', tenant: A.slug, service: SERVICE });
    expect(first.updatedAt).toBe(first.receivedAt);
  });

  it('When 60 submissions of two participants are created at once, then each participant gets 1..30 without gaps or duplicates', async () => {
    const created = await Promise.all(
      Array.from({ length: 60 }, (_, i) => createSubmission(opened.storage, newSubmission(i % 2 === 0 ? A : B, { referenceYear: 2033 }))),
    );
    for (const participant of [A, B]) {
      const sequences = created.filter((s) => s.tenant === participant.slug).map((s) => sequenceOf(s.reference));
      expect(sequences.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    }
  });

  it("When another participant's id or reference is asked for, then it is not found", async () => {
    const mine = await createSubmission(opened.storage, newSubmission(A, { statusCodeHash: 'hash-1' }));
    expect(await repo().get(B.slug, mine.id)).toBeUndefined();
    expect(await repo().findStatusByReference(B.slug, mine.reference)).toBeUndefined();
    expect(await repo().get(A.slug, mine.id)).toMatchObject({ id: mine.id, data: { name: 'Erika Mustermann' } });
    expect(await repo().findStatusByReference(A.slug, mine.reference)).toEqual({
      id: mine.id,
      status: 'eingegangen',
      receivedAt: mine.receivedAt,
      statusCodeHash: 'hash-1',
      service: SERVICE,
      version: '1.0.0',
    });
    const changed = await repo().changeStatus(B.slug, mine.id, 'eingegangen', 'abgelehnt', nextTime(), audit(B.slug, 'submission.status_changed'));
    expect(changed).toEqual({ kind: 'not-found' });
    expect(await repo().erase(B.slug, mine.id, nextTime(), () => audit(B.slug, 'submission.erased'))).toBeUndefined();
    expect((await repo().get(A.slug, mine.id))?.status).toBe('eingegangen');
  });

  it('When a create is repeated with its Idempotency-Key, then the first submission is replayed and nothing new is stored', async () => {
    const submission = newSubmission(A, { service: OTHER_SERVICE });
    const first = await repo().create(submission, { key: 'key-1', requestHash: 'h1' });
    expect(first.kind).toBe('created');
    const again = await repo().create({ ...newSubmission(A, { service: OTHER_SERVICE }) }, { key: 'key-1', requestHash: 'h2' });
    expect(again).toEqual({ kind: 'replayed', requestHash: 'h1', submission: first.kind === 'created' ? first.submission : undefined });
    expect(await repo().findByIdempotencyKey(A.slug, OTHER_SERVICE, 'key-1')).toEqual({ requestHash: 'h1', submission: (first as { submission: unknown }).submission });
    // The key is scoped by participant and service.
    expect(await repo().findByIdempotencyKey(B.slug, OTHER_SERVICE, 'key-1')).toBeUndefined();
    expect((await repo().create(newSubmission(B, { service: OTHER_SERVICE }), { key: 'key-1', requestHash: 'h1' })).kind).toBe('created');
    expect((await repo().list({ tenant: A.slug, service: OTHER_SERVICE }, { offset: 0, limit: 10 })).total).toBe(1);
  });

  it('When five creates with the same Idempotency-Key run at once, then exactly one is stored and the others replay it', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => repo().create(newSubmission(B, { service: OTHER_SERVICE, referenceYear: 2034 }), { key: 'race-key', requestHash: 'race' })),
    );
    const created = results.filter((r) => r.kind === 'created');
    expect(created).toHaveLength(1);
    const stored = created[0]!.kind === 'created' ? created[0]!.submission : undefined;
    for (const result of results.filter((r) => r.kind !== 'created')) {
      expect(result).toEqual({ kind: 'replayed', requestHash: 'race', submission: stored });
    }
    const listed = await repo().list({ tenant: B.slug, service: OTHER_SERVICE, receivedFrom: '2000-01-01' }, { offset: 0, limit: 50 });
    expect(listed.items.filter((s) => s.reference.includes('-2034-'))).toHaveLength(1);
    expect(stored?.reference).toBe(`${B.referencePrefix}-2034-000001`);
  });

  it('When a submission is erased on request, then its key leaves a tombstone that refuses a retry until the keys are forgotten', async () => {
    const submission = newSubmission(A);
    const created = await repo().create(submission, { key: 'erase-key', requestHash: 'e1' });
    expect(created.kind).toBe('created');
    const erased = await repo().erase(A.slug, submission.id, nextTime(), (summary) => audit(A.slug, 'submission.erased', summary.id));
    expect(erased?.id).toBe(submission.id);
    expect(await repo().get(A.slug, submission.id)).toBeUndefined();
    expect(await repo().findByIdempotencyKey(A.slug, SERVICE, 'erase-key')).toBe('erased');
    expect(await repo().create(newSubmission(A), { key: 'erase-key', requestHash: 'e1' })).toEqual({ kind: 'erased' });
    const events = await opened.storage.audit.list({ tenant: A.slug, action: 'submission.erased', subject: submission.id });
    expect(events).toHaveLength(1);
    expect(await repo().erase(A.slug, submission.id, nextTime(), () => audit(A.slug, 'submission.erased'))).toBeUndefined();

    // Keys and tombstones are forgotten by the time of the original key.
    await repo().forgetIdempotencyKeys(submission.receivedAt);
    expect(await repo().findByIdempotencyKey(A.slug, SERVICE, 'erase-key')).toBe('erased');
    expect(await repo().forgetIdempotencyKeys('2100-01-01T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
    expect(await repo().findByIdempotencyKey(A.slug, SERVICE, 'erase-key')).toBeUndefined();
    expect((await repo().create(newSubmission(A), { key: 'erase-key', requestHash: 'e1' })).kind).toBe('created');
  });

  it('When the retention job runs, then expired submissions are erased in chunks with one audit event per participant and service', async () => {
    const expired = await Promise.all(
      Array.from({ length: 3 }, () => createSubmission(opened.storage, newSubmission(B, { expiresAt: '2026-01-01T00:00:00.000Z' }))),
    );
    const kept = await createSubmission(opened.storage, newSubmission(B));
    expect(await repo().eraseExpired('2026-02-01T00:00:00.000Z')).toBe(3);
    for (const s of expired) expect(await repo().get(B.slug, s.id)).toBeUndefined();
    expect(await repo().get(B.slug, kept.id)).toBeDefined();
    const events = await opened.storage.audit.list({ tenant: B.slug, action: 'submission.erased', subject: SERVICE });
    expect(events.map((e) => e.details)).toContainEqual({ count: 3, reason: 'retention' });
    expect(await repo().eraseExpired('2026-02-01T00:00:00.000Z')).toBe(0);
  });

  it('When two status changes from the same status race, then one changes it and the other sees a conflict', async () => {
    const s = await createSubmission(opened.storage, newSubmission(A));
    const results = await Promise.all([
      repo().changeStatus(A.slug, s.id, 'eingegangen', 'in_bearbeitung', nextTime(), audit(A.slug, 'submission.status_changed', s.id)),
      repo().changeStatus(A.slug, s.id, 'eingegangen', 'abgelehnt', nextTime(), audit(A.slug, 'submission.status_changed', s.id)),
    ]);
    const changed = results.filter((r) => r.kind === 'changed');
    expect(changed).toHaveLength(1);
    const winner = changed[0]!.kind === 'changed' ? changed[0]!.submission.status : undefined;
    expect(results.find((r) => r.kind !== 'changed')).toEqual({ kind: 'conflict', current: winner });
    expect((await repo().get(A.slug, s.id))?.status).toBe(winner);
    expect(await opened.storage.audit.list({ tenant: A.slug, action: 'submission.status_changed', subject: s.id })).toHaveLength(1);
  });

  it('When submissions are listed and iterated, then pages are newest first with the total and the iteration streams all oldest first', async () => {
    const tenant = B;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createSubmission(opened.storage, newSubmission(tenant, { version: '1.0.0', service: SERVICE, referenceYear: 2035 })));
    const from = made[0]!.receivedAt;
    const page = await repo().list({ tenant: tenant.slug, service: SERVICE, receivedFrom: from }, { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((s) => s.id)).toEqual([made[3]!.id, made[2]!.id]);
    const before = await repo().list({ tenant: tenant.slug, receivedFrom: from, receivedBefore: made[2]!.receivedAt }, { offset: 0, limit: 10 });
    expect(before.items.map((s) => s.id)).toEqual([made[1]!.id, made[0]!.id]);
    await repo().changeStatus(tenant.slug, made[4]!.id, 'eingegangen', 'abgeschlossen', nextTime(), audit(tenant.slug, 'submission.status_changed'));
    expect((await repo().list({ tenant: tenant.slug, status: 'abgeschlossen', receivedFrom: from }, { offset: 0, limit: 10 })).items.map((s) => s.id)).toEqual([made[4]!.id]);
    const streamed = [];
    for await (const s of repo().iterate({ tenant: tenant.slug, receivedFrom: from }, 2)) streamed.push(s);
    expect(streamed.map((s) => s.id)).toEqual(made.map((s) => s.id));
    expect(streamed[0]!.data).toMatchObject({ name: 'Erika Mustermann' });
    expect((await repo().list({ tenant: A.slug, receivedFrom: from }, { offset: 0, limit: 10 })).items.map((s) => s.tenant)).not.toContain(tenant.slug);
  });

  it('When two processes create at once, some with one shared Idempotency-Key, then references stay consecutive and the key stores one submission', async () => {
    const second = await openSecondProcess(opened, backend);
    try {
      const handles = [opened.storage, second.storage];
      const plain = await Promise.all(
        Array.from({ length: 40 }, (_, i) => createSubmission(handles[i % 2]!, newSubmission(A, { referenceYear: 2036 }))),
      );
      const keyed = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          handles[i % 2]!.submissions.create(newSubmission(A, { referenceYear: 2036 }), { key: 'two-processes', requestHash: 'tp' }),
        ),
      );
      expect(keyed.filter((r) => r.kind === 'created')).toHaveLength(1);
      const stored = keyed.find((r) => r.kind === 'created');
      for (const r of keyed) if (r.kind !== 'created') expect(r).toEqual({ kind: 'replayed', requestHash: 'tp', submission: stored?.kind === 'created' ? stored.submission : undefined });
      const sequences = [...plain.map((s) => s.reference), stored?.kind === 'created' ? stored.submission.reference : ''].map(sequenceOf);
      expect(sequences.sort((x, y) => x - y)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    } finally {
      await second.dispose();
    }
  });

  it('When one of many concurrent creates is invalid, then only it fails and the others get consecutive references', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => repo().create(newSubmission(B, { referenceYear: 2037, version: i === 7 ? '9.9.9' : '1.0.0' }))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[7]!.status).toBe('rejected');
    const references = results.flatMap((r) => (r.status === 'fulfilled' && r.value.kind === 'created' ? [r.value.submission.reference] : []));
    expect(references.map(sequenceOf).sort((x, y) => x - y)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it('When the retention jobs of two processes run at once, then each expired submission is erased and counted once', async () => {
    const second = await openSecondProcess(opened, backend);
    try {
      await Promise.all(Array.from({ length: 30 }, () => createSubmission(opened.storage, newSubmission(A, { service: OTHER_SERVICE, expiresAt: '2026-01-05T00:00:00.000Z' }))));
      const erased = await Promise.all([repo().eraseExpired('2026-02-01T00:00:00.000Z'), second.storage.submissions.eraseExpired('2026-02-01T00:00:00.000Z')]);
      expect(erased[0] + erased[1]).toBe(30);
      const events = await opened.storage.audit.list({ tenant: A.slug, action: 'submission.erased', subject: OTHER_SERVICE });
      expect(events.reduce((sum, event) => sum + (event.details as { count: number }).count, 0)).toBe(30);
      expect((await repo().list({ tenant: A.slug, service: OTHER_SERVICE, receivedFrom: '2000-01-01' }, { offset: 0, limit: 100 })).items.filter((s) => s.expiresAt.startsWith('2026-01-05'))).toEqual([]);
    } finally {
      await second.dispose();
    }
  });
});

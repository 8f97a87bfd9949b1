import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, openTestStorage, type TestStorage } from './openTestStorage.ts';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(BACKENDS)('rate-limit counters and job leases on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openTestStorage(backend);
  });
  afterAll(() => opened.dispose());

  it('When a key is hit three times in its window, then the count grows and the window end stays', async () => {
    const limits = opened.storage.rateLimits;
    expect(await limits.increment('a', 60_000, T0)).toEqual({ hits: 1, resetAt: at(60_000).toISOString() });
    expect(await limits.increment('a', 60_000, at(1_000))).toEqual({ hits: 2, resetAt: at(60_000).toISOString() });
    expect(await limits.increment('a', 60_000, at(59_999))).toEqual({ hits: 3, resetAt: at(60_000).toISOString() });
    expect(await limits.get('a', at(2_000))).toEqual({ hits: 3, resetAt: at(60_000).toISOString() });
    expect(await limits.get('other', at(2_000))).toBeUndefined();
  });

  it('When the window has ended, then the next hit starts a new window at 1 and the old one reads as none', async () => {
    const limits = opened.storage.rateLimits;
    await limits.increment('b', 1_000, T0);
    await limits.increment('b', 1_000, T0);
    expect(await limits.get('b', at(1_000))).toBeUndefined();
    expect(await limits.increment('b', 1_000, at(1_500))).toEqual({ hits: 1, resetAt: at(2_500).toISOString() });
  });

  it('When a hit is taken back or the key is reset, then the count follows and never goes below zero', async () => {
    const limits = opened.storage.rateLimits;
    await limits.increment('c', 60_000, T0);
    await limits.increment('c', 60_000, T0);
    await limits.decrement('c', at(10));
    expect((await limits.get('c', at(20)))?.hits).toBe(1);
    await limits.decrement('c', at(10));
    await limits.decrement('c', at(10));
    expect((await limits.get('c', at(20)))?.hits).toBe(0);
    await limits.increment('c', 60_000, at(30));
    await limits.reset('c');
    expect(await limits.get('c', at(40))).toBeUndefined();
    await limits.decrement('never-hit', at(40));
    expect(await limits.get('never-hit', at(40))).toBeUndefined();
  });

  it('When 200 hits of one key arrive at once, then every hit is counted exactly once', async () => {
    const limits = opened.storage.rateLimits;
    const answers = await Promise.all(Array.from({ length: 200 }, () => limits.increment('burst', 60_000, T0)));
    expect(answers.map((answer) => answer.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect((await limits.get('burst', at(1)))?.hits).toBe(200);
  });

  it('When expired windows are forgotten, then only they are deleted', async () => {
    const limits = opened.storage.rateLimits;
    await limits.increment('short', 1_000, T0);
    await limits.increment('long', 3_600_000, T0);
    const forgotten = await limits.forgetExpired(at(5_000).toISOString());
    expect(forgotten).toBeGreaterThanOrEqual(1);
    expect(await limits.get('long', at(5_000))).toBeDefined();
    await limits.increment('short', 1_000, at(6_000));
    expect((await limits.get('short', at(6_001)))?.hits).toBe(1);
  });

  it('When two owners ask for one job lease at once, then exactly one gets it until it is released or runs out', async () => {
    const leases = opened.storage.jobLeases;
    const now = T0.toISOString();
    const until = at(60_000).toISOString();
    const answers = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((owner) => leases.tryAcquire('retention', owner, now, until)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    const holder = ['p1', 'p2', 'p3', 'p4'][answers.indexOf(true)]!;
    const other = holder === 'p1' ? 'p2' : 'p1';
    expect(await leases.tryAcquire('retention', other, at(1_000).toISOString(), until)).toBe(false);
    expect(await leases.tryAcquire('other-job', other, now, until)).toBe(true);
    await leases.release('retention', other);
    expect(await leases.tryAcquire('retention', other, at(1_000).toISOString(), until)).toBe(false);
    await leases.release('retention', holder);
    expect(await leases.tryAcquire('retention', other, at(1_000).toISOString(), until)).toBe(true);
    // A holder that died: its lease runs out by itself.
    expect(await leases.tryAcquire('retention', holder, at(60_000).toISOString(), at(120_000).toISOString())).toBe(true);
  });
});

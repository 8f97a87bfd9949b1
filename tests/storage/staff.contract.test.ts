import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { openSeededTestStorage } from './contractFixtures.ts';

const NOW = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-01T18:00:00.000Z';
const audit = (tenant: string, action: string) => ({ tenant, actor: 'admin', action, subject: null });

describe.each(BACKENDS)('users, sessions and staff accounts on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSeededTestStorage(backend);
  });
  afterAll(() => opened.dispose());

  const user = (id: string, tenant: string, email: string) => ({
    id, tenant, email, passwordHash: `hash-${id}`, role: 'staff' as const, disabled: false, createdAt: NOW,
  });

  it('When users are created, then e-mail addresses are unique whatever their case and found case-insensitively', async () => {
    const { users } = opened.storage;
    expect(await users.create(user('u1', 'erkelenz', 'Anna.Schmidt@Erkelenz.de'))).toBe('created');
    expect(await users.create(user('u2', 'wegberg', 'anna.schmidt@erkelenz.de'))).toBe('exists');
    expect(await users.create(user('u3', 'erkelenz', 'bert@erkelenz.de'))).toBe('created');
    expect(await users.create(user('u4', 'erkelenz', 'Carla@erkelenz.de'))).toBe('created');
    const found = await users.findByEmail('ANNA.SCHMIDT@erkelenz.DE');
    expect(found).toEqual({
      id: 'u1', tenant: 'erkelenz', email: 'Anna.Schmidt@Erkelenz.de', role: 'staff', disabled: false, createdAt: NOW,
      mustChangePassword: false, totpEnabled: false, passwordHash: 'hash-u1',
    });
    expect(await users.findByEmail('nobody@erkelenz.de')).toBeUndefined();
    expect(await users.get('u2')).toBeUndefined();
    expect((await users.listByTenant('erkelenz')).map((u) => u.email)).toEqual(['Anna.Schmidt@Erkelenz.de', 'bert@erkelenz.de', 'Carla@erkelenz.de']);
    expect(await users.listByTenant('wegberg')).toEqual([]);
    expect(await users.setPassword('u3', 'hash-new')).toBe(true);
    expect((await users.findByEmail('bert@erkelenz.de'))?.passwordHash).toBe('hash-new');
    expect(await users.setPassword('missing', 'x')).toBe(false);
  });

  it('When sessions are created, then they are found until they expire or the user is disabled, and deleted', async () => {
    const { sessions, users } = opened.storage;
    await sessions.create({ tokenHash: 't1', userId: 'u1', csrfToken: 'c1', createdAt: NOW, expiresAt: LATER });
    await sessions.create({ tokenHash: 't2', userId: 'u3', csrfToken: 'c2', createdAt: NOW, expiresAt: '2026-03-01T11:00:00.000Z' });
    const found = await sessions.findValid('t1', NOW);
    expect(found?.session).toEqual({ tokenHash: 't1', userId: 'u1', csrfToken: 'c1', createdAt: NOW, expiresAt: LATER });
    expect(found?.user).toMatchObject({ id: 'u1', tenant: 'erkelenz', createdAt: NOW, role: 'staff' });
    expect(await sessions.findValid('t1', LATER)).toBeUndefined();
    expect(await sessions.findValid('nope', NOW)).toBeUndefined();
    expect(await users.setDisabled('u1', true)).toBe(true);
    expect(await sessions.findValid('t1', NOW)).toBeUndefined();
    expect(await users.setDisabled('u1', false)).toBe(true);
    expect(await sessions.findValid('t1', NOW)).toBeDefined();
    expect(await sessions.deleteExpired('2026-03-01T12:00:00.000Z')).toBe(1);
    expect(await sessions.findValid('t2', NOW)).toBeUndefined();
    await sessions.delete('t1');
    expect(await sessions.findValid('t1', NOW)).toBeUndefined();
  });

  it("When an admin manages accounts, then another participant's account answers like a missing one", async () => {
    const { staffAccounts, sessions, auditView } = opened.storage;
    expect(await staffAccounts.create({ ...user('w1', 'wegberg', 'w1@wegberg.de'), mustChangePassword: true }, audit('wegberg', 'user.created'))).toBe('created');
    expect(await staffAccounts.create({ ...user('w2', 'wegberg', 'W1@WEGBERG.DE'), mustChangePassword: true }, audit('wegberg', 'user.created'))).toBe('exists');
    expect(await staffAccounts.getInTenant('wegberg', 'w1')).toMatchObject({ id: 'w1', mustChangePassword: true, totpEnabled: false });
    expect(await staffAccounts.getInTenant('erkelenz', 'w1')).toBeUndefined();
    expect(await staffAccounts.update('erkelenz', 'w1', { role: 'admin' }, audit('erkelenz', 'user.updated'))).toBeUndefined();
    expect(await staffAccounts.resetPassword('erkelenz', 'w1', 'x', audit('erkelenz', 'user.password_reset'))).toBe(false);
    expect(await staffAccounts.disableTotp('erkelenz', 'w1', audit('erkelenz', 'user.totp_disabled'))).toBe(false);
    expect((await auditView.search({ tenant: 'erkelenz', offset: 0, limit: 10 })).total).toBe(0);
    expect((await auditView.search({ tenant: 'wegberg', offset: 0, limit: 10 })).total).toBe(1);

    await sessions.create({ tokenHash: 'w1-a', userId: 'w1', csrfToken: 'c', createdAt: NOW, expiresAt: LATER });
    expect(await staffAccounts.update('wegberg', 'w1', { role: 'admin' }, audit('wegberg', 'user.updated'))).toMatchObject({ role: 'admin', disabled: false });
    expect(await sessions.findValid('w1-a', NOW)).toBeDefined();
    expect(await staffAccounts.update('wegberg', 'w1', { disabled: true }, audit('wegberg', 'user.updated'))).toMatchObject({ role: 'admin', disabled: true });
    expect(await staffAccounts.update('wegberg', 'w1', { disabled: false }, audit('wegberg', 'user.updated'))).toMatchObject({ disabled: false });
    expect(await sessions.findValid('w1-a', NOW)).toBeUndefined();
    expect((await auditView.search({ tenant: 'wegberg', offset: 0, limit: 10 })).total).toBe(4);
  });

  it('When passwords are reset or changed, then sessions end as required and the change flag follows', async () => {
    const { staffAccounts, sessions } = opened.storage;
    await sessions.create({ tokenHash: 'w1-b', userId: 'w1', csrfToken: 'c', createdAt: NOW, expiresAt: LATER });
    await sessions.create({ tokenHash: 'w1-c', userId: 'w1', csrfToken: 'c', createdAt: NOW, expiresAt: LATER });
    expect(await staffAccounts.resetPassword('wegberg', 'w1', 'one-time', audit('wegberg', 'user.password_reset'))).toBe(true);
    expect(await sessions.findValid('w1-b', NOW)).toBeUndefined();
    expect(await staffAccounts.getPasswordHash('w1')).toBe('one-time');
    expect((await staffAccounts.getInTenant('wegberg', 'w1'))?.mustChangePassword).toBe(true);
    await sessions.create({ tokenHash: 'w1-d', userId: 'w1', csrfToken: 'c', createdAt: NOW, expiresAt: LATER });
    await sessions.create({ tokenHash: 'w1-e', userId: 'w1', csrfToken: 'c', createdAt: NOW, expiresAt: LATER });
    await staffAccounts.changeOwnPassword('w1', 'own', 'w1-d', audit('wegberg', 'user.password_changed'));
    expect(await sessions.findValid('w1-d', NOW)).toBeDefined();
    expect(await sessions.findValid('w1-e', NOW)).toBeUndefined();
    expect(await staffAccounts.getPasswordHash('w1')).toBe('own');
    expect((await staffAccounts.getInTenant('wegberg', 'w1'))?.mustChangePassword).toBe(false);
    expect(await staffAccounts.getPasswordHash('missing')).toBeUndefined();
  });

  it('When a second factor is enrolled and used, then a time step is accepted once and the factor can be removed', async () => {
    const { staffAccounts } = opened.storage;
    expect(await staffAccounts.getTotp('w1')).toEqual({ secret: null, enabled: false, lastStep: null });
    await staffAccounts.setPendingTotp('w1', 'SECRET1');
    await staffAccounts.setPendingTotp('w1', 'SECRET2');
    expect(await staffAccounts.getTotp('w1')).toEqual({ secret: 'SECRET2', enabled: false, lastStep: null });
    await staffAccounts.enableTotp('w1', 1000, audit('wegberg', 'user.totp_enabled'));
    expect(await staffAccounts.getTotp('w1')).toEqual({ secret: 'SECRET2', enabled: true, lastStep: 1000 });
    await staffAccounts.setPendingTotp('w1', 'SECRET3');
    expect((await staffAccounts.getTotp('w1'))?.secret).toBe('SECRET2');
    expect(await staffAccounts.useTotpStep('w1', 1000)).toBe(false);
    const concurrent = await Promise.all([1001, 1001, 1001].map((step) => staffAccounts.useTotpStep('w1', step)));
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect(await staffAccounts.useTotpStep('w1', 1000)).toBe(false);
    expect((await staffAccounts.getInTenant('wegberg', 'w1'))?.totpEnabled).toBe(true);
    expect(await staffAccounts.disableTotp('wegberg', 'w1', audit('wegberg', 'user.totp_disabled'))).toBe(true);
    expect(await staffAccounts.getTotp('w1')).toEqual({ secret: null, enabled: false, lastStep: null });
    expect(await staffAccounts.getTotp('missing')).toBeUndefined();
  });

  it('When failed sign-ins are recorded, also concurrently, then every failure counts and locks follow the count', async () => {
    const { loginThrottle } = opened.storage;
    const lock = (failures: number) => (failures >= 3 ? `2026-03-01T10:0${Math.min(failures, 9)}:00.000Z` : null);
    expect(await loginThrottle.get('k1')).toBeUndefined();
    expect(await loginThrottle.recordFailure('k1', '2026-03-01T09:00:00.000Z', lock)).toEqual({ failures: 1, lockedUntil: null });
    expect(await loginThrottle.recordFailure('k1', '2026-03-01T09:00:01.000Z', lock)).toEqual({ failures: 2, lockedUntil: null });
    expect(await loginThrottle.recordFailure('k1', '2026-03-01T09:00:02.000Z', lock)).toEqual({ failures: 3, lockedUntil: '2026-03-01T10:03:00.000Z' });
    expect(await loginThrottle.get('k1')).toEqual({ failures: 3, lockedUntil: '2026-03-01T10:03:00.000Z' });
    const results = await Promise.all(Array.from({ length: 12 }, () => loginThrottle.recordFailure('k2', '2026-03-01T09:30:00.000Z', lock)));
    expect(results.map((result) => result.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await loginThrottle.get('k2'))?.failures).toBe(12);
    await loginThrottle.clear('k1');
    expect(await loginThrottle.get('k1')).toBeUndefined();
    await loginThrottle.recordFailure('k3', '2026-03-01T08:00:00.000Z', lock);
    expect(await loginThrottle.forgetBefore('2026-03-01T09:00:00.000Z')).toBe(1);
    expect(await loginThrottle.get('k3')).toBeUndefined();
    expect(await loginThrottle.get('k2')).toBeDefined();
  });
});

import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/loadConfig.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer } from '../server/startFixtureServer.ts';

interface Login {
  status: number;
  body: { code?: string; csrfToken?: string; user?: { mustChangePassword: boolean; totpEnabled: boolean; totpRequired: boolean } };
  cookie: string;
}

async function login(server: StartedServer, email: string, password: string, totpCode?: string): Promise<Login> {
  const response = await postJson(server, '/api/v1/staff/login', { email, password, ...(totpCode !== undefined ? { totpCode } : {}) });
  return { status: response.status, body: (await response.json()) as Login['body'], cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! };
}

function headersOf(session: { cookie: string; csrfToken: string }): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
}

function call(server: StartedServer, session: { cookie: string; csrfToken: string }, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1/staff${path}`, { method, headers: headersOf(session), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

describe('staff management by a participant admin', () => {
  let server: StartedServer;
  let admin: StaffSessionForTest;
  let wegbergAdmin: StaffSessionForTest;
  let clock = Date.parse('2026-12-07T09:00:00Z');
  beforeAll(async () => {
    server = await startFixtureServer({ now: () => new Date(clock) });
    admin = await createStaffSession(server, 'erkelenz', 'admin');
    wegbergAdmin = await createStaffSession(server, 'wegberg', 'admin');
  });
  afterAll(async () => {
    await server.close();
  });

  async function createUser(email: string, role = 'staff'): Promise<{ id: string; oneTimePassword: string }> {
    const response = await call(server, admin, 'POST', '/users', { email, role });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string }; oneTimePassword: string };
    return { id: body.user.id, oneTimePassword: body.oneTimePassword };
  }

  it('When an admin creates a user, then the user signs in with the one-time password, must change it first, and the admin sees both audit entries', async () => {
    const created = await createUser('neu@erkelenz.example');
    expect(created.oneTimePassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const first = await login(server, 'neu@erkelenz.example', created.oneTimePassword);
    expect(first.status).toBe(200);
    expect(first.body.user?.mustChangePassword).toBe(true);
    const session = { cookie: first.cookie, csrfToken: first.body.csrfToken! };
    const blocked = await call(server, session, 'GET', '/submissions');
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { code: string }).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = await call(server, session, 'GET', '/me');
    expect(me.status).toBe(200);

    const wrong = await call(server, session, 'POST', '/password', { currentPassword: 'falsch', newPassword: 'Ein-neues-Passwort-2026' });
    expect(((await wrong.json()) as { code: string }).code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await call(server, session, 'POST', '/password', { currentPassword: created.oneTimePassword, newPassword: 'kurz' });
    expect(((await weak.json()) as { code: string }).code).toBe('WEAK_PASSWORD');
    const changed = await call(server, session, 'POST', '/password', { currentPassword: created.oneTimePassword, newPassword: 'Ein-neues-Passwort-2026' });
    expect(changed.status).toBe(204);
    expect((await call(server, session, 'GET', '/submissions')).status).toBe(200);
    expect((await login(server, 'neu@erkelenz.example', created.oneTimePassword)).status).toBe(401);
    expect((await login(server, 'neu@erkelenz.example', 'Ein-neues-Passwort-2026')).status).toBe(200);

    const audit = (await (await call(server, admin, 'GET', `/audit?user=${created.id}`)).json()) as { entries: { action: string; actorEmail: string | null }[] };
    expect(audit.entries.map((entry) => entry.action)).toContain('staff.password_changed');
    expect(audit.entries.every((entry) => entry.actorEmail === 'neu@erkelenz.example')).toBe(true);
    const created_ = (await (await call(server, admin, 'GET', '/audit?action=staff.user_created')).json()) as { entries: { subject: string; actorEmail: string }[] };
    expect(created_.entries).toContainEqual(expect.objectContaining({ subject: created.id, actorEmail: admin.email }));
  });

  it("When an admin addresses another participant's user, then every answer equals the one for a missing id, and the list shows only its own users", async () => {
    const foreign = wegbergAdmin.user.id;
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', '/users/{id}', undefined],
      ['PATCH', '/users/{id}', { disabled: true }],
      ['POST', '/users/{id}/password-reset', undefined],
      ['DELETE', '/users/{id}/totp', undefined],
    ] as const) {
      const a = await call(server, admin, method, path.replace('{id}', foreign), body);
      const b = await call(server, admin, method, path.replace('{id}', missing), body);
      expect(a.status, `${method} ${path}`).toBe(404);
      expect(await a.text()).toBe(await b.text());
    }
    expect((await login(server, wegbergAdmin.email, wegbergAdmin.password)).status).toBe(200);
    const list = (await (await call(server, admin, 'GET', '/users')).json()) as { users: { email: string }[]; roles: string[] };
    expect(list.users.map((user) => user.email)).not.toContain(wegbergAdmin.email);
    expect(list.users.map((user) => user.email)).toContain(admin.email);
    expect(list.roles).toEqual(['staff', 'admin']);
  });

  it('When a user is deactivated, then its open session ends at once and it cannot sign in until reactivated', async () => {
    const created = await createUser('weg@erkelenz.example');
    const signedIn = await login(server, 'weg@erkelenz.example', created.oneTimePassword);
    const session = { cookie: signedIn.cookie, csrfToken: signedIn.body.csrfToken! };
    expect((await call(server, session, 'GET', '/me')).status).toBe(200);
    const deactivated = await call(server, admin, 'PATCH', `/users/${created.id}`, { disabled: true });
    expect(((await deactivated.json()) as { disabled: boolean }).disabled).toBe(true);
    expect((await call(server, session, 'GET', '/me')).status).toBe(401);
    const rows = await (server.deps.storage as unknown as { db: { all<T>(sql: string, p: unknown[]): Promise<T[]> } }).db.all('SELECT * FROM sessions WHERE user_id = ?', [created.id]);
    expect(rows).toEqual([]);
    expect((await login(server, 'weg@erkelenz.example', created.oneTimePassword)).status).toBe(401);
    await call(server, admin, 'PATCH', `/users/${created.id}`, { disabled: false });
    expect((await login(server, 'weg@erkelenz.example', created.oneTimePassword)).status).toBe(200);
  });

  it('When an admin resets a password, then the old sessions end and only the new one-time password works', async () => {
    const created = await createUser('reset@erkelenz.example');
    const signedIn = await login(server, 'reset@erkelenz.example', created.oneTimePassword);
    const reset = (await (await call(server, admin, 'POST', `/users/${created.id}/password-reset`)).json()) as { oneTimePassword: string };
    expect(reset.oneTimePassword).not.toBe(created.oneTimePassword);
    expect((await call(server, { cookie: signedIn.cookie, csrfToken: signedIn.body.csrfToken! }, 'GET', '/me')).status).toBe(401);
    expect((await login(server, 'reset@erkelenz.example', created.oneTimePassword)).status).toBe(401);
    const again = await login(server, 'reset@erkelenz.example', reset.oneTimePassword);
    expect(again.body.user?.mustChangePassword).toBe(true);
  });

  it('When an admin changes its own role or deactivates itself, a Kommune admin gives the editor role, or a staff user manages users, then it is refused', async () => {
    expect(((await (await call(server, admin, 'PATCH', `/users/${admin.user.id}`, { disabled: true })).json()) as { code: string }).code).toBe('OWN_ACCOUNT_CHANGE_REFUSED');
    expect(((await (await call(server, admin, 'PATCH', `/users/${admin.user.id}`, { role: 'staff' })).json()) as { code: string }).code).toBe('OWN_ACCOUNT_CHANGE_REFUSED');
    const editor = await call(server, admin, 'POST', '/users', { email: 'red@erkelenz.example', role: 'editor' });
    expect(editor.status).toBe(422);
    const duplicate = await call(server, admin, 'POST', '/users', { email: admin.email.toUpperCase(), role: 'staff' });
    expect(((await duplicate.json()) as { code: string }).code).toBe('USER_EXISTS');
    const staff = await createStaffSession(server, 'erkelenz', 'staff');
    expect((await call(server, staff, 'GET', '/users')).status).toBe(403);
    expect((await call(server, staff, 'GET', '/audit')).status).toBe(403);
    expect((await call(server, staff, 'GET', '/statistics')).status).toBe(403);
  });

  it('When a user sets up TOTP, then sign-in needs a fresh code: none is 401 TOTP_REQUIRED, wrong or replayed is refused', async () => {
    const created = await createUser('totp@erkelenz.example');
    const signedIn = await login(server, 'totp@erkelenz.example', created.oneTimePassword);
    const session = { cookie: signedIn.cookie, csrfToken: signedIn.body.csrfToken! };
    await call(server, session, 'POST', '/password', { currentPassword: created.oneTimePassword, newPassword: 'Zweiter-Faktor-2026' });
    const enrolment = (await (await call(server, session, 'POST', '/totp/enrolment')).json()) as { secret: string; uri: string };
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await call(server, session, 'POST', '/totp/activation', { code: '000000' })).status).toBe(422);
    const epoch = () => Math.floor(clock / 1000);
    expect((await call(server, session, 'POST', '/totp/activation', { code: await generate({ secret: enrolment.secret, epoch: epoch() }) })).status).toBe(204);

    clock += 30_000;
    const withoutCode = await login(server, 'totp@erkelenz.example', 'Zweiter-Faktor-2026');
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.code).toBe('TOTP_REQUIRED');
    expect((await login(server, 'totp@erkelenz.example', 'falsches-Passwort-1234')).body.code).toBe('INVALID_CREDENTIALS');
    expect((await login(server, 'totp@erkelenz.example', 'Zweiter-Faktor-2026', '123456')).status).toBe(401);
    const code = await generate({ secret: enrolment.secret, epoch: epoch() });
    expect((await login(server, 'totp@erkelenz.example', 'Zweiter-Faktor-2026', code)).status).toBe(200);
    expect((await login(server, 'totp@erkelenz.example', 'Zweiter-Faktor-2026', code)).status).toBe(401);

    expect((await call(server, admin, 'DELETE', `/users/${created.id}/totp`)).status).toBe(204);
    expect((await login(server, 'totp@erkelenz.example', 'Zweiter-Faktor-2026')).status).toBe(200);
  });

  it('When the audit view is filtered and paged, then it shows only the own participant, and details carry no free text', async () => {
    await server.deps.storage.audit.append({ tenant: 'erkelenz', actor: admin.user.id, action: 'submission.erased', subject: 'x-1', details: { reason: 'Antrag von Erika Mustermann, Hauptstr. 1', fields: 3 } });
    await server.deps.storage.audit.append({ tenant: 'wegberg', actor: wegbergAdmin.user.id, action: 'staff.secret_wegberg', subject: null });
    for (let i = 0; i < 55; i++) await server.deps.storage.audit.append({ tenant: 'erkelenz', actor: 'system', action: 'test.bulk', subject: `n-${i}` });
    const erased = (await (await call(server, admin, 'GET', '/audit?action=submission.erased')).json()) as { entries: { details: Record<string, unknown> }[]; actions: string[] };
    expect(erased.entries[0]!.details).toEqual({ fields: 3 });
    expect(JSON.stringify(erased)).not.toContain('Mustermann');
    expect(erased.actions).not.toContain('staff.secret_wegberg');
    const page1 = (await (await call(server, admin, 'GET', '/audit?action=test.bulk')).json()) as { entries: { subject: string }[]; total: number; pageSize: number };
    const page2 = (await (await call(server, admin, 'GET', '/audit?action=test.bulk&page=2')).json()) as { entries: { subject: string }[] };
    expect(page1.total).toBe(55);
    expect(page1.entries).toHaveLength(50);
    expect(page2.entries.map((entry) => entry.subject)).toEqual(['n-4', 'n-3', 'n-2', 'n-1', 'n-0']);
    const today = new Date(clock).toISOString().slice(0, 10);
    expect(((await (await call(server, admin, 'GET', `/audit?action=test.bulk&from=${today}&to=${today}`)).json()) as { total: number }).total).toBe(55);
    expect(((await (await call(server, admin, 'GET', '/audit?action=test.bulk&to=2020-01-01')).json()) as { total: number }).total).toBe(0);
    expect((await call(server, admin, 'GET', '/audit?from=gestern')).status).toBe(400);
    expect(((await (await call(server, wegbergAdmin, 'GET', '/audit?action=test.bulk')).json()) as { total: number }).total).toBe(0);
  });
});

describe('second factor required by configuration', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer({ config: { requireTotpFor: ['admin', 'editor'] } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('When REQUIRE_TOTP_FOR names admin and an admin has no TOTP, then only the set-up routes answer until it is active', async () => {
    const admin = await createStaffSession(server, 'erkelenz', 'admin');
    const me = (await (await call(server, admin, 'GET', '/me')).json()) as { user: { totpRequired: boolean; totpEnabled: boolean } };
    expect(me.user).toMatchObject({ totpRequired: true, totpEnabled: false });
    const blocked = await call(server, admin, 'GET', '/users');
    expect(((await blocked.json()) as { code: string }).code).toBe('TOTP_ENROLMENT_REQUIRED');
    const enrolment = (await (await call(server, admin, 'POST', '/totp/enrolment')).json()) as { secret: string };
    expect((await call(server, admin, 'POST', '/totp/activation', { code: await generate({ secret: enrolment.secret }) })).status).toBe(204);
    expect((await call(server, admin, 'GET', '/users')).status).toBe(200);
    const off = await call(server, admin, 'POST', '/totp/deactivation', { currentPassword: admin.password });
    expect(((await off.json()) as { code: string }).code).toBe('TOTP_REQUIRED_BY_POLICY');
    const staff = await createStaffSession(server, 'erkelenz', 'staff');
    expect((await call(server, staff, 'GET', '/submissions')).status).toBe(200);
  });
});

describe('REQUIRE_TOTP_FOR', () => {
  it('When the variable lists roles, then they are read; an unknown role stops the start; unset means optional for all', () => {
    expect(loadConfig({ REQUIRE_TOTP_FOR: 'admin, editor' }).requireTotpFor).toEqual(['admin', 'editor']);
    expect(loadConfig({}).requireTotpFor).toEqual([]);
    expect(() => loadConfig({ REQUIRE_TOTP_FOR: 'admin,chef' })).toThrow(/REQUIRE_TOTP_FOR/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer } from './startFixtureServer.ts';

describe('staff authentication', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('When a user signs in, then an HttpOnly SameSite=Strict cookie without the password hash and a CSRF token come back', async () => {
    const session = await createStaffSession(server, 'erkelenz');
    const response = await postJson(server, '/api/v1/staff/login', { email: session.email.toUpperCase(), password: session.password });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kf_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/v1/staff');
    expect(cookie).not.toContain('Secure');
    const text = await response.text();
    expect(text).not.toContain('scrypt');
    expect(JSON.parse(text)).toMatchObject({ user: { tenant: 'erkelenz', role: 'staff' }, csrfToken: expect.any(String), participant: { slug: 'erkelenz' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('When COOKIE_SECURE=true, then the cookie is Secure', async () => {
    const secure = await startFixtureServer({ config: { cookieSecure: true } });
    try {
      const session = await createStaffSession(secure, 'erkelenz');
      const response = await postJson(secure, '/api/v1/staff/login', { email: session.email, password: session.password });
      expect(response.headers.get('set-cookie')).toContain('; Secure');
    } finally {
      await secure.close();
    }
  });

  it('When the password is wrong, the user unknown or the body odd, then the same 401 INVALID_CREDENTIALS', async () => {
    const session = await createStaffSession(server, 'erkelenz');
    const bodies = [
      { email: session.email, password: 'falsch-falsch-falsch' },
      { email: 'niemand@example.org', password: session.password },
      { email: session.email },
      { email: 42, password: [] },
    ];
    for (const body of bodies) {
      const response = await postJson(server, '/api/v1/staff/login', body);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'E-mail address or password is wrong.' });
    }
  });

  it('When a disabled user signs in, then 401 INVALID_CREDENTIALS, and its open sessions stop working', async () => {
    const session = await createStaffSession(server, 'erkelenz');
    await server.deps.storage.users.setDisabled(session.user.id, true);
    expect((await postJson(server, '/api/v1/staff/login', { email: session.email, password: session.password })).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/v1/staff/me`, { headers: { cookie: session.cookie } })).status).toBe(401);
  });

  it('When /me is called with the session cookie, then the user and CSRF token come back; without it 401', async () => {
    const session = await createStaffSession(server, 'gangelt', 'admin');
    const me = await fetch(`${server.baseUrl}/api/v1/staff/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { tenant: 'gangelt', role: 'admin', email: session.email }, csrfToken: session.csrfToken });
    const anonymous = await fetch(`${server.baseUrl}/api/v1/staff/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ code: 'AUTHENTICATION_REQUIRED', message: expect.any(String) });
    const forged = await fetch(`${server.baseUrl}/api/v1/staff/me`, { headers: { cookie: 'kf_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(forged.status).toBe(401);
  });

  it('When an unsafe staff request lacks the X-CSRF-Token or sends a wrong one, then 403 CSRF_FAILED and nothing changes', async () => {
    const session = await createStaffSession(server, 'erkelenz');
    const body = JSON.stringify({ enabled: false, versionPolicy: '^1', agreedOn: '2026-01-20' });
    for (const token of [undefined, 'falsch']) {
      const headers: Record<string, string> = { cookie: session.cookie, 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) };
      const response = await fetch(`${server.baseUrl}/api/v1/staff/enablements/testantrag`, { method: 'PUT', headers, body });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe('CSRF_FAILED');
    }
    expect((await server.deps.storage.enablements.get('erkelenz', 'testantrag'))?.enabled).toBe(true);
  });

  it('When a browser sends an unsafe staff request from a foreign Origin, then 403 CSRF_FAILED even with the token', async () => {
    const session = await createStaffSession(server, 'erkelenz');
    const response = await fetch(`${server.baseUrl}/api/v1/staff/logout`, { method: 'POST', headers: { ...session.headers(), origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    const crossSite = await fetch(`${server.baseUrl}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ email: session.email, password: session.password }),
    });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await fetch(`${server.baseUrl}/api/v1/staff/logout`, { method: 'POST', headers: { ...session.headers(), origin: server.baseUrl } });
    expect(sameOrigin.status).toBe(204);
  });

  it('When a user signs out, then the cookie is cleared and the session no longer works', async () => {
    const session = await createStaffSession(server, 'erkelenz');
    const response = await fetch(`${server.baseUrl}/api/v1/staff/logout`, { method: 'POST', headers: session.headers() });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^kf_session=; .*Max-Age=0/);
    expect((await fetch(`${server.baseUrl}/api/v1/staff/me`, { headers: { cookie: session.cookie } })).status).toBe(401);
  });

  it('When an editor calls a staff-only route, then 403 FORBIDDEN', async () => {
    const editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
    const response = await fetch(`${server.baseUrl}/api/v1/staff/submissions`, { headers: { cookie: editor.cookie } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('FORBIDDEN');
  });

  it('When logins are rate limited, then the limit answers 429 RATE_LIMITED', async () => {
    const limited = await startFixtureServer({ config: { loginRateLimit: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postJson(limited, '/api/v1/staff/login', { email: 'x@example.org', password: 'y' })).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

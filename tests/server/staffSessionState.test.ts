import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

let server: StartedServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/staff/session and the staff pages', () => {
  it('When nobody is signed in, then the session state is 200 with nulls (no 401 for the app to log)', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/staff/session`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ user: null, csrfToken: null, participant: null });
  });

  it('When a forged cookie is sent, then the session state is signed out', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/staff/session`, { headers: { cookie: 'kf_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(((await response.json()) as { user: unknown }).user).toBeNull();
  });

  it('When a user is signed in, then the session state names the user, participant and CSRF token', async () => {
    const session = await createStaffSession(server, 'wegberg', 'admin');
    const response = await fetch(`${server.baseUrl}/api/v1/staff/session`, { headers: { cookie: session.cookie } });
    expect(await response.json()).toMatchObject({
      user: { tenant: 'wegberg', email: session.email, role: 'admin' },
      csrfToken: session.csrfToken,
      participant: { slug: 'wegberg', kind: 'kommune' },
    });
  });

  it('When a staff page is requested, then it is served under the strict CSP (or 404 when the renderer is not built)', async () => {
    const response = await fetch(`${server.baseUrl}/staff/editor/irgendwas/entwurf`);
    expect([200, 404]).toContain(response.status);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    if (response.status === 200) expect(await response.text()).toContain('<div id="root">');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../server/listRoutes.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer, VALID_V1, VALID_V2 } from './startFixtureServer.ts';

describe('tenant isolation', () => {
  let server: StartedServer;
  let erkelenz: StaffSessionForTest;
  let gangelt: StaffSessionForTest;
  let erkId: string;
  let ganId: string;
  beforeAll(async () => {
    server = await startFixtureServer();
    erkelenz = await createStaffSession(server, 'erkelenz');
    gangelt = await createStaffSession(server, 'gangelt');
    erkId = ((await (await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', VALID_V1)).json()) as { id: string }).id;
    ganId = ((await (await postJson(server, '/api/v1/tenants/gangelt/services/testantrag/submissions', VALID_V2)).json()) as { id: string }).id;
  });
  afterAll(async () => {
    await server.close();
  });

  /** Every staff route that takes a submission id, as a request of the given session for the given id. */
  const ID_ROUTES: { name: string; request: (s: StaffSessionForTest, id: string) => Promise<Response> }[] = [
    { name: 'GET /staff/submissions/{id}', request: (s, id) => fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}`, { headers: { cookie: s.cookie } }) },
    {
      name: 'POST /staff/submissions/{id}/status',
      request: (s, id) => fetch(`${server.baseUrl}/api/v1/staff/submissions/${id}/status`, { method: 'POST', headers: s.headers(), body: JSON.stringify({ status: 'in_bearbeitung' }) }),
    },
  ];

  it.each(ID_ROUTES)('When staff use $name with another participant\'s id, then the answer equals the one for a missing id', async ({ request }) => {
    const foreign = await request(erkelenz, ganId);
    const missing = await request(erkelenz, '00000000-0000-4000-8000-000000000000');
    const garbage = await request(erkelenz, 'not-a-uuid');
    expect(foreign.status).toBe(404);
    const foreignBody = await foreign.text();
    expect(foreignBody).toBe(await missing.text());
    expect(foreignBody).toBe(await garbage.text());
    expect(JSON.parse(foreignBody)).toEqual({ code: 'SUBMISSION_NOT_FOUND', message: expect.any(String) });
    expect((await server.deps.storage.submissions.get('gangelt', ganId))!.status).toBe('eingegangen');
  });

  it.each(ID_ROUTES)('When staff use $name with their own id, then it works (control)', async ({ request }) => {
    expect((await request(gangelt, ganId)).status).toBe(200);
  });

  it('When any route of the app that takes a submission {id} is called with another participant\'s id, then it answers exactly like for a missing id', async () => {
    const idRoutes = listRoutes(server.app).filter((route) => route.path.includes('{id}'));
    expect(idRoutes.length).toBeGreaterThanOrEqual(ID_ROUTES.length);
    const before = await server.deps.storage.submissions.get('gangelt', ganId);
    for (const route of idRoutes) {
      const call = (id: string) =>
        fetch(`${server.baseUrl}${route.path.replace('{id}', id)}`, {
          method: route.method.toUpperCase(),
          headers: erkelenz.headers(),
          ...(route.method === 'get' || route.method === 'head' ? {} : { body: JSON.stringify({ status: 'in_bearbeitung' }) }),
        });
      const foreign = await call(ganId);
      const missing = await call('00000000-0000-4000-8000-000000000000');
      const label = `${route.method.toUpperCase()} ${route.path}`;
      expect(foreign.status, label).toBe(missing.status);
      expect(await foreign.text(), label).toBe(await missing.text());
      if (route.method === 'get') expect(foreign.status, label).toBe(404);
    }
    expect(await server.deps.storage.submissions.get('gangelt', ganId)).toEqual(before);
  });

  it('When staff list or export, then only their participant\'s submissions appear, whatever the query says', async () => {
    const list = (await (await fetch(`${server.baseUrl}/api/v1/staff/submissions?tenant=gangelt`, { headers: { cookie: erkelenz.cookie } })).json()) as {
      items: { id: string; tenant: string }[];
    };
    expect(list.items.map((s) => s.id)).toEqual([erkId]);
    const exported = (await (await fetch(`${server.baseUrl}/api/v1/staff/exports/testantrag/2.0.0?format=json&tenant=gangelt`, { headers: { cookie: erkelenz.cookie } })).json()) as unknown[];
    expect(exported).toEqual([]);
  });

  it('When staff save an enablement with a tenant in the body, then it applies to their own participant only', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/staff/enablements/testantrag`, {
      method: 'PUT',
      headers: erkelenz.headers(),
      body: JSON.stringify({ tenant: 'gangelt', enabled: true, versionPolicy: '^2', agreedOn: '2026-02-01' }),
    });
    expect(response.status).toBe(200);
    expect((await server.deps.storage.enablements.get('erkelenz', 'testantrag'))!.versionPolicy).toBe('^2');
    expect((await server.deps.storage.enablements.get('gangelt', 'testantrag'))!.agreedOn).toBe('2026-01-20');
  });

  it('When staff read enablements, then they see their own participant\'s', async () => {
    const body = (await (await fetch(`${server.baseUrl}/api/v1/staff/enablements/testantrag`, { headers: { cookie: gangelt.cookie } })).json()) as {
      enablement: { versionPolicy: string };
    };
    expect(body.enablement.versionPolicy).toBe('^2');
    const wegberg = await createStaffSession(server, 'wegberg');
    const disabled = (await (await fetch(`${server.baseUrl}/api/v1/staff/enablements/testantrag`, { headers: { cookie: wegberg.cookie } })).json()) as {
      enablement: { enabled: boolean };
      servedVersion: string | null;
    };
    expect(disabled.enablement.enabled).toBe(false);
    expect(disabled.servedVersion).toBeNull();
  });
});

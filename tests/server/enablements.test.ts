import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeLocalDetails } from '../helpers/completeLocalDetails.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson, startFixtureServer, VALID_V1, VALID_V2 } from './startFixtureServer.ts';

describe('staff enablements', () => {
  let server: StartedServer;
  let selfkant: StaffSessionForTest;
  beforeAll(async () => {
    server = await startFixtureServer();
    selfkant = await createStaffSession(server, 'selfkant');
    await completeLocalDetails(server, selfkant, 'testantrag');
  });
  afterAll(async () => {
    await server.close();
  });

  const put = (service: string, body: unknown) =>
    fetch(`${server.baseUrl}/api/v1/staff/enablements/${service}`, { method: 'PUT', headers: selfkant.headers(), body: JSON.stringify(body) });

  it('When staff list enablements, then every published service appears with versions and null for never enabled', async () => {
    const body = (await (await fetch(`${server.baseUrl}/api/v1/staff/enablements`, { headers: { cookie: selfkant.cookie } })).json()) as { items: unknown[] };
    expect(body.items).toEqual([{ service: 'testantrag', title: 'Testantrag', publishedVersions: ['1.0.0', '2.0.0'], enablement: null, servedVersion: null }]);
  });

  it('When staff enable a service with ^1, then the public catalogue serves 1.0.0 at once and accepts submissions; an audit event records it', async () => {
    const response = await put('testantrag', { enabled: true, versionPolicy: '^1', agreedOn: '2026-03-01' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ servedVersion: '1.0.0', enablement: { enabled: true, versionPolicy: '^1', agreedOn: '2026-03-01', changedBy: selfkant.user.id } });
    const services = (await (await fetch(`${server.baseUrl}/api/v1/tenants/selfkant/services`)).json()) as { items: { version: string }[] };
    expect(services.items.map((s) => s.version)).toEqual(['1.0.0']);
    expect((await postJson(server, '/api/v1/tenants/selfkant/services/testantrag/submissions', VALID_V1)).status).toBe(201);
    const [event] = await server.deps.storage.audit.list({ tenant: 'selfkant', action: 'enablement.changed' });
    expect(event).toMatchObject({ actor: selfkant.user.id, subject: 'testantrag', details: { previous: null, next: { enabled: true, versionPolicy: '^1', agreedOn: '2026-03-01' } } });
  });

  it('When staff pin 2.0.0 and later disable, then the served version follows and the disabled service answers 404', async () => {
    expect((await put('testantrag', { enabled: true, versionPolicy: '2.0.0', agreedOn: '2026-03-01' })).status).toBe(200);
    expect((await postJson(server, '/api/v1/tenants/selfkant/services/testantrag/submissions', VALID_V2)).status).toBe(201);
    expect((await put('testantrag', { enabled: false, versionPolicy: '2.0.0', agreedOn: '2026-03-01' })).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/v1/tenants/selfkant/services/testantrag`)).status).toBe(404);
  });

  it.each([
    [{ enabled: 'ja', versionPolicy: '^1', agreedOn: '2026-03-01' }, '/enabled'],
    [{ enabled: true, versionPolicy: 'neueste', agreedOn: '2026-03-01' }, '/versionPolicy'],
    [{ enabled: true, versionPolicy: '^1', agreedOn: '01.03.2026' }, '/agreedOn'],
    [{ enabled: true, versionPolicy: '^1', agreedOn: '2026-02-30' }, '/agreedOn'],
  ])('When the enablement body is %j, then 422 INVALID_ENABLEMENT points at %s', async (body, pointer) => {
    const response = await put('testantrag', body);
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { code: string; errors: { pointer: string; message: string }[] };
    expect(answer.code).toBe('INVALID_ENABLEMENT');
    expect(answer.errors.map((e) => e.pointer)).toEqual([pointer]);
  });

  it('When the policy matches no published version, then 422 VERSION_POLICY_UNSATISFIABLE and nothing changes', async () => {
    const before = await server.deps.storage.enablements.get('selfkant', 'testantrag');
    for (const versionPolicy of ['^3', '1.5.0']) {
      const response = await put('testantrag', { enabled: true, versionPolicy, agreedOn: '2026-03-01' });
      expect(response.status).toBe(422);
      expect(((await response.json()) as { code: string }).code).toBe('VERSION_POLICY_UNSATISFIABLE');
    }
    expect(await server.deps.storage.enablements.get('selfkant', 'testantrag')).toEqual(before);
  });

  it('When the service has no published version, then GET and PUT answer 404 SERVICE_NOT_FOUND', async () => {
    expect((await fetch(`${server.baseUrl}/api/v1/staff/enablements/gibt-es-nicht`, { headers: { cookie: selfkant.cookie } })).status).toBe(404);
    expect((await put('gibt-es-nicht', { enabled: true, versionPolicy: '^1', agreedOn: '2026-03-01' })).status).toBe(404);
  });
});

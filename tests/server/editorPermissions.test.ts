import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditorDefinition } from '../helpers/createEditorDefinition.ts';
import { completeLocalDetails } from '../helpers/completeLocalDetails.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

let server: StartedServer;
let editor: StaffSessionForTest;
let kreisStaff: StaffSessionForTest;
let wegbergStaff: StaffSessionForTest;
let wegbergAdmin: StaffSessionForTest;
let erkelenzStaff: StaffSessionForTest;
const SERVICE = 'editor-permission-test';

async function call(session: StaffSessionForTest | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(session ? session.headers() : { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function submitTo(tenant: string, service: string, data: unknown): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/services/${service}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  const body = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id;
}

beforeAll(async () => {
  server = await startServer();
  editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
  kreisStaff = await createStaffSession(server, 'kreis-heinsberg', 'staff');
  wegbergStaff = await createStaffSession(server, 'wegberg', 'staff');
  wegbergAdmin = await createStaffSession(server, 'wegberg', 'admin');
  erkelenzStaff = await createStaffSession(server, 'erkelenz', 'staff');
  expect((await call(editor, 'POST', '/api/v1/staff/editor/services', { id: SERVICE, title: 'Rechtetest' })).status).toBe(201);
  const draft = await call(editor, 'GET', `/api/v1/staff/editor/services/${SERVICE}/draft`);
  const saved = await call(editor, 'PUT', `/api/v1/staff/editor/services/${SERVICE}/draft`, { definition: createEditorDefinition(SERVICE, '1.0.0', ['name'], ['name']), revision: draft.body.revision });
  expect((await call(editor, 'POST', `/api/v1/staff/editor/services/${SERVICE}/publish`, { revision: saved.body.revision })).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
});

describe('the server checks every permission', () => {
  it.each([
    ['GET', '/api/v1/staff/editor/services'],
    ['POST', '/api/v1/staff/editor/services'],
    ['POST', `/api/v1/staff/editor/services/${SERVICE}/draft`],
    ['POST', `/api/v1/staff/editor/services/${SERVICE}/publish`],
    ['POST', '/api/v1/staff/editor/check'],
    ['GET', '/api/v1/staff/catalogue'],
    ['PUT', `/api/v1/staff/catalogue/${SERVICE}/local-details`],
  ])('When nobody is signed in, then %s %s answers 401', async (method, path) => {
    const answer = await call(null, method, path, method === 'GET' ? undefined : {});
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('AUTHENTICATION_REQUIRED');
  });

  it.each([
    ['Kommune staff', () => wegbergStaff],
    ['a Kommune admin', () => wegbergAdmin],
    ['Kreis staff (not an editor)', () => kreisStaff],
  ])('When %s tries to publish, start a draft or create a service, then the server answers 403', async (_who, session) => {
    const who = session();
    expect((await call(who, 'POST', `/api/v1/staff/editor/services/${SERVICE}/publish`, { revision: 1 })).status).toBe(403);
    expect((await call(who, 'POST', `/api/v1/staff/editor/services/${SERVICE}/draft`)).status).toBe(403);
    expect((await call(who, 'POST', '/api/v1/staff/editor/services', { id: 'fremder-dienst', title: 'Fremder Dienst' })).status).toBe(403);
    expect((await call(who, 'GET', '/api/v1/staff/editor/services')).status).toBe(403);
    expect(await server.deps.storage.editorDrafts.get('fremder-dienst')).toBeUndefined();
  });

  it('When an editor of a Kommune (role editor outside the Kreis) tries to publish, then 403', async () => {
    const kommuneEditor = await createStaffSession(server, 'wegberg', 'editor');
    expect((await call(kommuneEditor, 'POST', `/api/v1/staff/editor/services/${SERVICE}/draft`)).status).toBe(403);
  });

  it('When the CSRF token is missing, then a change answers 403 CSRF_FAILED', async () => {
    const answer = await call(editor, 'POST', '/api/v1/staff/editor/services', { id: 'ohne-token', title: 'Ohne Token' }, { 'x-csrf-token': '' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('CSRF_FAILED');
  });

  it("When a Kreis editor asks for a Kommune's submissions, then the server refuses (403) and a known id is not readable", async () => {
    await completeLocalDetails(server, wegbergStaff, SERVICE);
    await call(wegbergStaff, 'PUT', `/api/v1/staff/enablements/${SERVICE}`, { enabled: true, versionPolicy: '^1', agreedOn: '2026-11-01' });
    const id = await submitTo('wegberg', SERVICE, { name: 'Erika Mustermann' });
    expect((await call(editor, 'GET', '/api/v1/staff/submissions')).status).toBe(403);
    expect((await call(editor, 'GET', `/api/v1/staff/submissions/${id}`)).status).toBe(403);
    expect((await call(editor, 'GET', `/api/v1/staff/submissions/${id}/context`)).status).toBe(403);
    const kreisOwn = await call(kreisStaff, 'GET', `/api/v1/staff/submissions/${id}`);
    expect(kreisOwn.status).toBe(404);
    expect((await call(erkelenzStaff, 'GET', `/api/v1/staff/submissions/${id}/context`)).status).toBe(404);
    const own = await call(wegbergStaff, 'GET', `/api/v1/staff/submissions/${id}/context`);
    expect(own.status).toBe(200);
    expect(own.body.definition).toMatchObject({ id: SERVICE, version: '1.0.0' });
  });

  it("When Kommune staff try to change another participant's enablement, then only their own changes", async () => {
    const before = await server.deps.storage.enablements.get('erkelenz', SERVICE);
    const answer = await call(wegbergStaff, 'PUT', `/api/v1/staff/enablements/${SERVICE}`, { tenant: 'erkelenz', enabled: false, versionPolicy: '1.0.0', agreedOn: '2026-11-02' });
    expect(answer.status).toBe(200);
    expect(await server.deps.storage.enablements.get('erkelenz', SERVICE)).toEqual(before);
    expect(await server.deps.storage.enablements.get('wegberg', SERVICE)).toMatchObject({ enabled: false, versionPolicy: '1.0.0' });
  });

  it("When staff save local details, then they are their own participant's and the portal shows them (without the notification address)", async () => {
    await call(wegbergStaff, 'PUT', `/api/v1/staff/enablements/${SERVICE}`, { enabled: true, versionPolicy: '^1', agreedOn: '2026-11-01' });
    const details = { office: 'Bürgerbüro Wegberg', contact: 'Frau Beispiel', phone: '02434 83-0', email: 'buergerbuero@wegberg.example', notificationEmail: 'intern@wegberg.example', openingHours: 'Mo–Fr 8–12 Uhr' };
    const saved = await call(wegbergStaff, 'PUT', `/api/v1/staff/catalogue/${SERVICE}/local-details`, { ...details, tenant: 'erkelenz' });
    expect(saved.status).toBe(200);
    expect(await server.deps.storage.localDetails.get('erkelenz', SERVICE)).toBeUndefined();
    const served = await (await fetch(`${server.baseUrl}/api/v1/tenants/wegberg/services/${SERVICE}`)).json();
    const { notificationEmail: _internal, ...shown } = details;
    expect(served.local).toEqual({ ...shown, address: '', feeAmounts: {} });
  });

  it('When local details have a malformed e-mail address, then 422 names the field in German', async () => {
    const saved = await call(wegbergStaff, 'PUT', `/api/v1/staff/catalogue/${SERVICE}/local-details`, { email: 'keine-adresse' });
    expect(saved.status).toBe(422);
    expect(saved.body.errors).toEqual([expect.objectContaining({ pointer: '/email', message: expect.stringContaining('E-Mail') })]);
  });

  it('When an editor publishes a new major, then a Kommune following ^1 sees a notice with changelog and changes', async () => {
    await call(editor, 'POST', `/api/v1/staff/editor/services/${SERVICE}/draft`);
    const draft = await call(editor, 'GET', `/api/v1/staff/editor/services/${SERVICE}/draft`);
    const saved = await call(editor, 'PUT', `/api/v1/staff/editor/services/${SERVICE}/draft`, { definition: createEditorDefinition(SERVICE, '2.0.0', ['name', 'ort'], ['name', 'ort']), revision: draft.body.revision });
    expect((await call(editor, 'POST', `/api/v1/staff/editor/services/${SERVICE}/publish`, { revision: saved.body.revision })).status).toBe(201);
    const entry = await call(wegbergStaff, 'GET', `/api/v1/staff/catalogue/${SERVICE}`);
    expect(entry.body).toMatchObject({ own: { servedVersion: '1.0.0' }, newerMajor: { version: '2.0.0', changelog: { summary: 'Version 2.0.0' } } });
    expect(entry.body.newerMajorChanges).toContainEqual(expect.objectContaining({ kind: 'breaking' }));
    expect(entry.body.offeredBy).toContain('wegberg');
  });
});

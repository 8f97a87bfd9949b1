import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditorDefinition } from '../helpers/createEditorDefinition.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

let server: StartedServer;
let editor: StaffSessionForTest;
const SERVICE = 'editor-publish-test';

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers: editor.headers(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Saves `definition` into the service's draft and tries to publish it. */
async function saveAndPublish(definition: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const draft = await call('GET', `/api/v1/staff/editor/services/${SERVICE}/draft`);
  const saved = await call('PUT', `/api/v1/staff/editor/services/${SERVICE}/draft`, { definition, revision: draft.body.revision });
  expect(saved.status).toBe(200);
  return call('POST', `/api/v1/staff/editor/services/${SERVICE}/publish`, { revision: saved.body.revision });
}

beforeAll(async () => {
  server = await startServer();
  editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
});
afterAll(async () => {
  await server?.close();
});

describe('publishing from the visual editor', () => {
  it('When an editor creates a service and publishes its draft as 1.0.0, then the version is published and the draft is gone', async () => {
    const created = await call('POST', '/api/v1/staff/editor/services', { id: SERVICE, title: 'Testantrag' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ serviceId: SERVICE, revision: 1, baseVersion: null });
    const published = await saveAndPublish(createEditorDefinition(SERVICE, '1.0.0', ['name'], ['name']));
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ id: SERVICE, version: '1.0.0' });
    expect((await call('GET', `/api/v1/staff/editor/services/${SERVICE}/draft`)).status).toBe(404);
    const service = await call('GET', `/api/v1/staff/editor/services/${SERVICE}`);
    expect(service.body).toMatchObject({ latestVersion: '1.0.0', draft: null });
    expect(await server.deps.storage.formVersions.listVersions(SERVICE)).toEqual(['1.0.0']);
  });

  it('When a service id is taken, then creating it again answers 409 SERVICE_EXISTS', async () => {
    const again = await call('POST', '/api/v1/staff/editor/services', { id: SERVICE, title: 'Nochmal' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SERVICE_EXISTS');
  });

  it('When the service id or title is malformed, then 400 names the fields', async () => {
    const bad = await call('POST', '/api/v1/staff/editor/services', { id: 'Nicht Gültig', title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/id', '/title']);
  });

  it('When a new draft is started, then it copies the latest version with the next minor number', async () => {
    const started = await call('POST', `/api/v1/staff/editor/services/${SERVICE}/draft`);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ baseVersion: '1.0.0', definition: { version: '1.1.0', changelog: { summary: '' } } });
    const again = await call('POST', `/api/v1/staff/editor/services/${SERVICE}/draft`);
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(started.body.revision);
  });

  it('When the version is not greater than every published one, then publishing is refused', async () => {
    const refused = await saveAndPublish(createEditorDefinition(SERVICE, '1.0.0', ['name', 'hinweis'], ['name']));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PUBLISH_REFUSED');
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ pointer: '/version' }));
  });

  it('When the definition breaks the meta-schema, then publishing is refused with the problems', async () => {
    const definition = createEditorDefinition(SERVICE, '1.1.0', ['name'], ['name']);
    delete definition.retentionDays;
    const refused = await saveAndPublish(definition);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ pointer: '/retentionDays' }));
  });

  it('When a compatible change (a new optional field) is published as 1.1.0, then it is accepted', async () => {
    const published = await saveAndPublish(createEditorDefinition(SERVICE, '1.1.0', ['name', 'hinweis'], ['name']));
    expect(published.status).toBe(201);
    expect(published.body.changes).toContainEqual(expect.objectContaining({ kind: 'compatible' }));
  });

  it('When a breaking change (a new required field) is published as 1.2.0, then it is refused listing the change, and 2.0.0 is accepted', async () => {
    await call('POST', `/api/v1/staff/editor/services/${SERVICE}/draft`);
    const breaking = createEditorDefinition(SERVICE, '1.2.0', ['name', 'hinweis', 'geburtsort'], ['name', 'geburtsort']);
    const refused = await saveAndPublish(breaking);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/major/);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^inkompatibel: /) }));
    const accepted = await saveAndPublish({ ...breaking, version: '2.0.0' });
    expect(accepted.status).toBe(201);
    expect(await server.deps.storage.formVersions.listVersions(SERVICE)).toEqual(expect.arrayContaining(['1.0.0', '1.1.0', '2.0.0']));
  });

  it('When a published version is stored, then it is immutable (the database refuses an update)', async () => {
    const { db } = server.deps.storage as unknown as { db: { write: (job: (tx: { run: (sql: string, params: unknown[]) => Promise<number> }) => Promise<number>) => Promise<number> } };
    await expect(db.write((tx) => tx.run("UPDATE form_versions SET definition = '{}' WHERE id = ?", [SERVICE]))).rejects.toThrow(/immutable/);
  });

  it('When the check endpoint gets a breaking draft, then it lists the change and the required bump', async () => {
    const checked = await call('POST', '/api/v1/staff/editor/check', {
      serviceId: SERVICE,
      definition: createEditorDefinition(SERVICE, '2.1.0', ['name'], ['name']),
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ problems: [], previousVersion: '2.0.0', requiredBump: 'major', suggestedVersion: '3.0.0' });
    expect(checked.body.versionProblems.length).toBeGreaterThan(0);
  });

  it('When the check endpoint gets something that is not a definition, then it answers with problems, not an error', async () => {
    const checked = await call('POST', '/api/v1/staff/editor/check', { definition: [1, 2] });
    expect(checked.status).toBe(200);
    expect(checked.body.problems.length).toBeGreaterThan(0);
  });
});

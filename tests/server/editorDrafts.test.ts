import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEditorDefinition } from '../helpers/createEditorDefinition.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

let server: StartedServer;
let anna: StaffSessionForTest;
let ben: StaffSessionForTest;
const SERVICE = 'editor-draft-test';
const DRAFT = `/api/v1/staff/editor/services/${SERVICE}/draft`;

async function call(session: StaffSessionForTest, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers: session.headers(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  server = await startServer();
  anna = await createStaffSession(server, 'kreis-heinsberg', 'editor');
  ben = await createStaffSession(server, 'kreis-heinsberg', 'admin');
  expect((await call(anna, 'POST', '/api/v1/staff/editor/services', { id: SERVICE, title: 'Entwurfstest' })).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
});

describe('shared drafts with optimistic concurrency', () => {
  it('When two editors load the draft, then both see the same content and revision', async () => {
    const [a, b] = await Promise.all([call(anna, 'GET', DRAFT), call(ben, 'GET', DRAFT)]);
    expect(a.body).toEqual(b.body);
    expect(a.body.revision).toBe(1);
  });

  it('When both save on the same revision, then the first wins and the second gets 409 DRAFT_CONFLICT; nothing is lost', async () => {
    const first = await call(anna, 'PUT', DRAFT, { definition: createEditorDefinition(SERVICE, '1.0.0', ['vonAnna']), revision: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 2, updatedBy: anna.email });
    const second = await call(ben, 'PUT', DRAFT, { definition: createEditorDefinition(SERVICE, '1.0.0', ['vonBen']), revision: 1 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('DRAFT_CONFLICT');
    const current = await call(ben, 'GET', DRAFT);
    expect(Object.keys(current.body.definition.schema.properties)).toEqual(['vonAnna']);
  });

  it('When the second editor reloads and saves on the current revision, then the save succeeds', async () => {
    const current = await call(ben, 'GET', DRAFT);
    const saved = await call(ben, 'PUT', DRAFT, { definition: createEditorDefinition(SERVICE, '1.0.0', ['vonAnna', 'vonBen']), revision: current.body.revision });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(current.body.revision + 1);
  });

  it('When many saves race on one revision, then exactly one succeeds', async () => {
    const { revision } = (await call(anna, 'GET', DRAFT)).body;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => call(index % 2 ? anna : ben, 'PUT', DRAFT, { definition: createEditorDefinition(SERVICE, '1.0.0', [`feld${index}`]), revision })),
    );
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    expect(results.filter((result) => result.status === 409)).toHaveLength(7);
  });

  it('When a draft is saved with an invalid definition, then it is kept (drafts may be incomplete) and the check lists the problems', async () => {
    const { revision } = (await call(anna, 'GET', DRAFT)).body;
    const saved = await call(anna, 'PUT', DRAFT, { definition: { id: SERVICE, version: 'eins' }, revision });
    expect(saved.status).toBe(200);
    const checked = await call(anna, 'POST', '/api/v1/staff/editor/check', { serviceId: SERVICE, definition: saved.body.definition });
    expect(checked.body.problems.length).toBeGreaterThan(0);
  });

  it.each([
    ['no revision', { definition: {} }],
    ['a definition that is not an object', { definition: 'x', revision: 1 }],
    ['a fractional revision', { definition: {}, revision: 1.5 }],
  ])('When a save has %s, then 400 INVALID_BODY', async (_name, body) => {
    const saved = await call(anna, 'PUT', DRAFT, body);
    expect(saved.status).toBe(400);
    expect(saved.body.code).toBe('INVALID_BODY');
  });

  it('When publishing names a stale revision, then 409 and nothing is published', async () => {
    const published = await call(anna, 'POST', `/api/v1/staff/editor/services/${SERVICE}/publish`, { revision: 1 });
    expect(published.status).toBe(409);
    expect(await server.deps.storage.formVersions.listVersions(SERVICE)).toEqual([]);
  });

  it('When a draft is discarded with its revision, then it is gone', async () => {
    const { revision } = (await call(anna, 'GET', DRAFT)).body;
    expect((await call(anna, 'DELETE', `${DRAFT}?revision=${revision - 1}`)).status).toBe(409);
    expect((await call(anna, 'DELETE', `${DRAFT}?revision=${revision}`)).status).toBe(204);
    expect((await call(anna, 'GET', DRAFT)).status).toBe(404);
  });
});

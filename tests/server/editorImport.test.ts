import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { startFixtureServer } from './startFixtureServer.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { SAMPLES_DIR } from '../import/importSamples.ts';

let server: StartedServer;
let editor: StaffSessionForTest;
let clerk: StaffSessionForTest;
const sample = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLES_DIR, name), 'utf8'));

async function call(session: StaffSessionForTest, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers: session.headers(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  server = await startFixtureServer();
  editor = await createStaffSession(server, 'kreis-heinsberg', 'editor');
  clerk = await createStaffSession(server, 'erkelenz', 'editor');
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/v1/staff/editor/import', () => {
  it('When a Kreis editor imports a DigiWF form, then a new draft is created, marked as imported, with the German report', async () => {
    const imported = await call(editor, 'POST', '/api/v1/staff/editor/import', { source: sample('digiwf/greeting-startformular.json'), id: 'gruss-versenden' });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ kind: 'digiwf', problems: [], draft: { serviceId: 'gruss-versenden', revision: 1, baseVersion: null, updatedBy: editor.email } });
    expect(imported.body.draft.definition).toMatchObject({ id: 'gruss-versenden', version: '0.1.0', source: { kind: 'digiwf' } });
    expect(imported.body.report).toContainEqual({
      path: '/schema/allOf/0/allOf/1/properties/FormField_Grusstext',
      code: 'max-length-added',
      message: 'Keine Höchstlänge angegeben; 2000 Zeichen ergänzt (mehrzeiliger Text).',
    });
    const draft = await call(editor, 'GET', '/api/v1/staff/editor/services/gruss-versenden/draft');
    expect(draft.body.definition).toEqual(imported.body.draft.definition);
    const check = await call(editor, 'POST', '/api/v1/staff/editor/check', { definition: draft.body.definition, serviceId: 'gruss-versenden' });
    expect(check.body.problems).toEqual([]);
  });

  it('When the same id is imported again, then 409 SERVICE_EXISTS and the first draft stays', async () => {
    const again = await call(editor, 'POST', '/api/v1/staff/editor/import', { source: sample('formio/formWithSelectBoxes.json'), id: 'gruss-versenden' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SERVICE_EXISTS');
    expect((await call(editor, 'GET', '/api/v1/staff/editor/services/gruss-versenden/draft')).body.definition.source.kind).toBe('digiwf');
  });

  it('When an imported draft is published unchanged, then it becomes version 0.1.0 of a new service', async () => {
    const imported = await call(editor, 'POST', '/api/v1/staff/editor/import', { source: sample('surveyjs/visibleIf.json'), id: 'kinder-umfrage' });
    expect(imported.status).toBe(201);
    const published = await call(editor, 'POST', '/api/v1/staff/editor/services/kinder-umfrage/publish', { revision: imported.body.draft.revision });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ id: 'kinder-umfrage', version: '0.1.0' });
    const version = await call(editor, 'GET', '/api/v1/staff/editor/services/kinder-umfrage/versions/0.1.0');
    expect(version.body.source).toEqual({ kind: 'surveyjs', rules: expect.any(Array) });
  });

  it('When the id is taken by a published service, then 409 SERVICE_EXISTS', async () => {
    const taken = await call(editor, 'POST', '/api/v1/staff/editor/import', { source: sample('formio/formWithSelectBoxes.json'), id: 'testantrag' });
    expect(taken.status).toBe(409);
  });

  it('When the form has a circular reference, then 422 IMPORT_REFUSED names the reference and no draft is created', async () => {
    const refused = await call(editor, 'POST', '/api/v1/staff/editor/import', { source: sample('jsonschema/rjsf-references.json'), id: 'zirkulaer' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IMPORT_REFUSED');
    expect(refused.body.errors).toEqual([{ pointer: '/schema/properties/tree/properties/children/items/oneOf/1/$ref', message: expect.stringContaining('zirkulär') }]);
    expect((await call(editor, 'GET', '/api/v1/staff/editor/services/zirkulaer/draft')).status).toBe(404);
  });

  it.each([
    ['no source', { id: 'x-import' }, 400, 'INVALID_BODY'],
    ['an unknown family', { source: { type: 'object', properties: {} }, from: 'xforms' }, 400, 'INVALID_BODY'],
    ['a file that is no form', { source: [1, 2, 3] }, 422, 'IMPORT_REFUSED'],
    ['a bad id', { source: sample('formio/formWithSelectBoxes.json'), id: 'Mit Leerzeichen' }, 422, 'IMPORT_REFUSED'],
  ])('When the body has %s, then %i %s', async (_name, body, status, code) => {
    const response = await call(editor, 'POST', '/api/v1/staff/editor/import', body);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it('When an editor of a Kommune imports, then 403 and nothing is created', async () => {
    const response = await call(clerk, 'POST', '/api/v1/staff/editor/import', { source: sample('formio/formWithSelectBoxes.json'), id: 'kommune-import' });
    expect(response.status).toBe(403);
    expect((await call(editor, 'GET', '/api/v1/staff/editor/services/kommune-import/draft')).status).toBe(404);
  });

  it('When the request has no session, then 401', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/staff/editor/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { RJSFSchema } from '@rjsf/utils';
import { requireFromRuntime } from '../../renderer/shared/validation/validatorRuntime.ts';
import { hashResumeCode } from '../../server/usecases/hashResumeCode.ts';
import { startServer, type StartedServer } from '../helpers/startServer.ts';

const FORMS = resolve(import.meta.dirname, '../../forms');

let server: StartedServer;

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function saveDraft(tenant: string, service: string, data: unknown): Promise<{ code: string; expiresAt: string }> {
  const response = await post(`/api/v1/tenants/${tenant}/services/${service}/drafts`, { data });
  expect(response.status).toBe(201);
  return (await response.json()) as { code: string; expiresAt: string };
}

async function insertDraft(code: string, tenant: string, service: string, version: string, data: Record<string, unknown>, expiresAt = '2999-01-01T00:00:00.000Z'): Promise<void> {
  await server.deps.storage.citizenDrafts.create({ codeHash: hashResumeCode(code)!, tenant, serviceId: service, version, data, createdAt: new Date().toISOString(), expiresAt });
}

const fixture = (service: string, kind: 'valid' | 'invalid', name: string) =>
  JSON.parse(readFileSync(join(FORMS, service, 'fixtures', kind, name), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('drafts: save and resume without an account', () => {
  it('When a draft is saved, then a high-entropy code is answered, the draft expires in 30 days and only a hash is stored', async () => {
    const before = Date.now();
    const saved = await saveDraft('erkelenz', 'hundesteuer-anmeldung', { halter: { vorname: 'Erika' } });
    expect(saved.code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const days = (Date.parse(saved.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const db = (server.deps.storage as unknown as { db: { all<T>(sql: string): Promise<T[]> } }).db;
    const rows = await db.all<Record<string, string>>('SELECT * FROM citizen_drafts');
    expect(JSON.stringify(rows)).not.toContain(saved.code);
    expect(JSON.stringify(rows)).not.toContain(saved.code.replace(/-/g, ''));
  });

  it('When the code is resumed (any case, without dashes), then the answers come back for the same version', async () => {
    const saved = await saveDraft('erkelenz', 'hundesteuer-anmeldung', { halter: { vorname: 'Erika' } });
    const response = await post('/api/v1/tenants/erkelenz/drafts/resume', { code: saved.code.replace(/-/g, '').toLowerCase() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ service: 'hundesteuer-anmeldung', version: '2.0.2', data: { halter: { vorname: 'Erika' } } });
  });

  it('When another participant, an unknown or a malformed code is used, then the answer is the same 404', async () => {
    const saved = await saveDraft('erkelenz', 'hundesteuer-anmeldung', { halter: { vorname: 'Erika' } });
    for (const [tenant, code] of [
      ['heinsberg', saved.code],
      ['erkelenz', 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA'],
      ['erkelenz', 'kurz'],
      ['erkelenz', 42],
    ] as const) {
      const response = await post(`/api/v1/tenants/${tenant}/drafts/resume`, { code });
      expect(response.status, String(code)).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('INVALID_RESUME_CODE');
    }
  });

  it('When a draft has expired, then it cannot be resumed and the next save erases it', async () => {
    const code = 'B'.repeat(32);
    await insertDraft(code, 'erkelenz', 'hundesteuer-anmeldung', '2.0.0', {}, '2020-01-01T00:00:00.000Z');
    expect((await post('/api/v1/tenants/erkelenz/drafts/resume', { code })).status).toBe(404);
    await saveDraft('erkelenz', 'hundesteuer-anmeldung', {});
    const db = (server.deps.storage as unknown as { db: { all<T>(sql: string, params: unknown[]): Promise<T[]> } }).db;
    expect(await db.all('SELECT 1 FROM citizen_drafts WHERE code_hash = ?', [hashResumeCode(code)])).toEqual([]);
  });

  it('When the participant moved to a newer compatible version, then the answers are carried over and unknown ones dropped with a notice', async () => {
    const code = 'C'.repeat(32);
    const valid = fixture('hundesteuer-anmeldung', 'valid', '01-minimal.json');
    const { haftpflicht: _liability, ...v1Data } = valid;
    await insertDraft(code, 'geilenkirchen', 'hundesteuer-anmeldung', '1.0.0', { ...v1Data, altesFeld: 'weg damit', hund: { ...(v1Data.hund as object), lieblingsfutter: 'Knochen' } });
    const response = await post('/api/v1/tenants/geilenkirchen/drafts/resume', { code });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { version: string; migratedFrom: string; data: Record<string, unknown>; droppedFields: string[] };
    expect(body.version).toBe('1.1.2');
    expect(body.migratedFrom).toBe('1.0.0');
    expect(body.data).toEqual(v1Data);
    expect([...body.droppedFields].sort()).toEqual(['altesFeld', 'lieblingsfutter']);
  });

  it('When the participant now serves another major version, then the draft is refused with 410', async () => {
    const code = 'D'.repeat(32);
    await insertDraft(code, 'erkelenz', 'hundesteuer-anmeldung', '1.1.0', {});
    const response = await post('/api/v1/tenants/erkelenz/drafts/resume', { code });
    expect(response.status).toBe(410);
    expect(((await response.json()) as { code: string }).code).toBe('DRAFT_OUTDATED');
  });

  it.each([
    ['no data', {}],
    ['data is an array', { data: [] }],
    ['an extra key', { data: {}, tenant: 'wegberg' }],
  ])('When a draft is sent with %s, then 422 INVALID_DRAFT', async (_name, body) => {
    const response = await post('/api/v1/tenants/erkelenz/services/hundesteuer-anmeldung/drafts', body);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { code: string }).code).toBe('INVALID_DRAFT');
  });

  it('When a draft is saved for a service the participant does not offer, then 404', async () => {
    expect((await post('/api/v1/tenants/erkelenz/services/gibt-es-nicht/drafts', { data: {} })).status).toBe(404);
  });
});

describe('barrier reports', () => {
  it('When a report is sent, then it is stored for the participant', async () => {
    const response = await post('/api/v1/tenants/wegberg/accessibility-feedback', { page: 'Startseite', message: 'Die Suche ist ohne Maus schwer zu bedienen.', email: 'a@example.org' });
    expect(response.status).toBe(201);
    const stored = await server.deps.storage.accessibilityFeedback.listByTenant('wegberg');
    expect(stored).toEqual([expect.objectContaining({ page: 'Startseite', email: 'a@example.org', message: 'Die Suche ist ohne Maus schwer zu bedienen.' })]);
  });

  it.each([
    ['a too short message', { message: 'kurz' }],
    ['a bad e-mail address', { message: 'Eine ausreichend lange Meldung.', email: 'keine-adresse' }],
    ['an unknown key', { message: 'Eine ausreichend lange Meldung.', status: 'erledigt' }],
  ])('When a report has %s, then 422 INVALID_FEEDBACK', async (_name, body) => {
    const response = await post('/api/v1/tenants/wegberg/accessibility-feedback', body);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { code: string }).code).toBe('INVALID_FEEDBACK');
  });

  it('When a report names an unknown participant, then 404', async () => {
    expect((await post('/api/v1/tenants/nirgendwo/accessibility-feedback', { message: 'Eine ausreichend lange Meldung.' })).status).toBe(404);
  });
});

describe('precompiled validator modules', () => {
  it('When a module is fetched, then it is immutable JavaScript with an ETag that answers 304', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/validators/hundesteuer-anmeldung/2.0.0.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const source = await response.text();
    expect(source).not.toMatch(/new Function|\beval\(/);
    const again = await fetch(`${server.baseUrl}/api/v1/validators/hundesteuer-anmeldung/2.0.0.js`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it.each(['9.9.9.js', '1.0.js', 'latest.js'])('When %s is asked for, then 404 FORM_VERSION_NOT_FOUND', async (file) => {
    const response = await fetch(`${server.baseUrl}/api/v1/validators/hundesteuer-anmeldung/${file}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('FORM_VERSION_NOT_FOUND');
  });

  it('When every fixture of every published version is validated in the module, then it agrees with the server validator', async () => {
    // The portal's own runtime: the module must need nothing the bundle does not supply.
    const runtime = requireFromRuntime;
    let checked = 0;
    for (const service of await server.deps.storage.formVersions.listServiceIds()) {
      for (const version of await server.deps.storage.formVersions.listVersions(service)) {
        const { definition } = (await server.deps.storage.formVersions.get(service, version))!;
        const source = await (await fetch(`${server.baseUrl}/api/v1/validators/${service}/${version}.js`)).text();
        const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { default: (require: (name: string) => unknown) => Record<string, never> };
        const validator = createPrecompiledValidator(module.default(runtime), definition.schema as RJSFSchema);
        for (const kind of ['valid', 'invalid'] as const) {
          const dir = join(FORMS, service, 'fixtures', kind);
          for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
            const data = fixture(service, kind, name);
            const expected = server.deps.validator.validate(definition, data).valid;
            expect(validator.validateFormData(data, definition.schema as RJSFSchema).errors.length === 0, `${service}@${version} ${kind}/${name}`).toBe(expected);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('portal pages', () => {
  it.each([
    ['/erkelenz/', 200],
    ['/erkelenz/leistungen/hundesteuer-anmeldung', 200],
    ['/erkelenz/leistungen/hundesteuer-anmeldung/antrag', 200],
    ['/erkelenz/fortsetzen', 200],
    ['/erkelenz/barrierefreiheit', 200],
    ['/erkelenz/barriere-melden', 200],
    ['/erkelenz/impressum', 200],
    ['/erkelenz/datenschutz', 200],
    ['/erkelenz/kontakt', 200],
    ['/erkelenz/impressum/mehr', 404],
    ['/nirgendwo/', 404],
    ['/erkelenz/leistungen/gibt-es-nicht', 404],
    ['/wegberg/leistungen/kita-platz-anmeldung/antrag/mehr', 404],
  ])('When %s is requested, then an HTML page with the strict CSP answers %i', async (path, status) => {
    const response = await fetch(`${server.baseUrl}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe');
  });

  it('When a portal is requested without the trailing slash, then it redirects', async () => {
    const response = await fetch(`${server.baseUrl}/erkelenz`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/erkelenz/');
  });

  it('When an unknown API path is requested, then the answer stays JSON', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/nichts`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});

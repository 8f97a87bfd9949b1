import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedServer } from '../helpers/startServer.ts';
import { countSubmissions, postJson, startFixtureServer, VALID_V1, VALID_V2 } from './startFixtureServer.ts';

const SUBMIT_ERK = '/api/v1/tenants/erkelenz/services/testantrag/submissions';

describe('public API', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('When /healthz is called, then it answers 200 ok', async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('When the tenants are listed, then all eleven participants come with their portal names, the Kreis first', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/tenants`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { slug: string; portalName: string }[] };
    expect(items).toHaveLength(11);
    expect(items[0]).toMatchObject({ slug: 'kreis-heinsberg', portalName: 'Serviceportal Kreis Heinsberg', kind: 'kreis' });
    expect(items.find((t) => t.slug === 'erkelenz')).toMatchObject({ portalName: 'Serviceportal Stadt Erkelenz', key: '05370004' });
  });

  it('When a participant lists its services, then each comes with the version its policy serves', async () => {
    const erkelenz = (await (await fetch(`${server.baseUrl}/api/v1/tenants/erkelenz/services`)).json()) as { items: unknown[] };
    expect(erkelenz.items).toEqual([
      { id: 'testantrag', version: '1.0.0', title: 'Testantrag', description: expect.any(String), category: 'Test', keywords: ['Test'], leikaKey: null, lead: { kind: 'kreis' } },
    ]);
    const gangelt = (await (await fetch(`${server.baseUrl}/api/v1/tenants/gangelt/services`)).json()) as { items: { version: string }[] };
    expect(gangelt.items.map((s) => s.version)).toEqual(['2.0.0']);
  });

  it('When a participant has a service disabled or not at all, then its list is empty', async () => {
    for (const tenant of ['wegberg', 'selfkant']) {
      const body = (await (await fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/services`)).json()) as { items: unknown[] };
      expect(body.items).toEqual([]);
    }
  });

  it('When an unknown participant is asked for services, then 404 TENANT_NOT_FOUND', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/tenants/atlantis/services`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'TENANT_NOT_FOUND', message: expect.any(String) });
  });

  it('When the served definition is fetched, then it has schema, uiSchema, steps, version and the participant, without source', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/tenants/gangelt/services/testantrag`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id: 'testantrag', version: '2.0.0', title: 'Testantrag', lead: { kind: 'kreis' }, retentionDays: 30 });
    expect(body.schema).toMatchObject({ type: 'object', required: ['person', 'anzahl', 'email'] });
    expect(body.uiSchema).toBeTypeOf('object');
    expect(body.steps).toHaveLength(2);
    expect(body.tenant).toEqual({ slug: 'gangelt', name: 'Gemeinde Gangelt', portalName: 'Serviceportal Gemeinde Gangelt' });
    expect(body).not.toHaveProperty('source');
  });

  it('When a valid submission is posted, then 201 with id, reference, version, receivedAt and status code, and it is stored', async () => {
    const before = await countSubmissions(server);
    const response = await postJson(server, SUBMIT_ERK, VALID_V1);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['id', 'receivedAt', 'reference', 'statusCode', 'version']);
    expect(body.statusCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The reference counts per German calendar year (not the test machine's time zone).
    const germanYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date(body.receivedAt!));
    expect(body.reference).toMatch(new RegExp(`^ERK-${germanYear}-\\d{6}$`));
    expect(body.version).toBe('1.0.0');
    expect(new Date(body.receivedAt!).toISOString()).toBe(body.receivedAt);
    expect(await countSubmissions(server)).toBe(before + 1);
    const stored = await server.deps.storage.submissions.get('erkelenz', body.id!);
    expect(stored).toMatchObject({ status: 'eingegangen', service: 'testantrag', version: '1.0.0', data: VALID_V1 });
    expect(Date.parse(stored!.expiresAt) - Date.parse(stored!.receivedAt)).toBe(30 * 24 * 3600 * 1000);
  });

  it('When several submissions arrive concurrently, then each participant gets gapless sequential references of its own', async () => {
    const [erk, gan] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => postJson(server, SUBMIT_ERK, VALID_V1).then((r) => r.json() as Promise<{ reference: string }>))),
      Promise.all(
        Array.from({ length: 5 }, () =>
          postJson(server, '/api/v1/tenants/gangelt/services/testantrag/submissions', VALID_V2).then((r) => r.json() as Promise<{ reference: string }>),
        ),
      ),
    ]);
    const numbers = (items: { reference: string }[], prefix: string) =>
      items.map((item) => {
        expect(item.reference.startsWith(`${prefix}-`)).toBe(true);
        return Number(item.reference.slice(-6));
      });
    const erkNumbers = numbers(erk, 'ERK').sort((a, b) => a - b);
    expect(new Set(erkNumbers).size).toBe(20);
    expect(erkNumbers.at(-1)! - erkNumbers[0]!).toBe(19);
    expect(numbers(gan, 'GAN').sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('When a submission fails the served schema, then 422 VALIDATION_FAILED lists German messages with pointers', async () => {
    const response = await postJson(server, '/api/v1/tenants/gangelt/services/testantrag/submissions', VALID_V1);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; errors: { pointer: string; message: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) {
      expect(error.pointer).toMatch(/^(\/|$)/);
      expect(error.message).toMatch(/[a-zäöüß]/i);
    }
    expect(body.errors.some((e) => /Pflichtfeld|erforderlich|fehlt|angeben/i.test(e.message))).toBe(true);
  });

  it('When catalogue resources are fetched, then they are cacheable with revalidation; submission answers are no-store', async () => {
    for (const path of ['/api/v1/tenants', '/api/v1/tenants/erkelenz/services', '/api/v1/tenants/erkelenz/services/testantrag', '/api/v1/openapi.json']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
    const created = await postJson(server, SUBMIT_ERK, VALID_V1);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const failed = await postJson(server, SUBMIT_ERK, { person: { vorname: 'Erika' } });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${server.baseUrl}/api/v1/nothing-here`);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('When any response is sent, then helmet headers with a strict CSP are set', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/tenants`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('When a client exceeds the submission rate limit, then 429 RATE_LIMITED and nothing more is stored', async () => {
    const limited = await startFixtureServer({ config: { submissionRateLimit: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postJson(limited, SUBMIT_ERK, VALID_V1)).status);
      expect(statuses).toEqual([201, 201, 429]);
      const limitedResponse = await postJson(limited, SUBMIT_ERK, VALID_V1);
      expect(await limitedResponse.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
      expect(limitedResponse.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await countSubmissions(limited)).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('When an unknown API path is requested, then 404 NOT_FOUND as JSON', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/does/not/exist`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});

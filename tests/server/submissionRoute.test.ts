import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedServer } from '../helpers/startServer.ts';
import { countSubmissions, postJson, startFixtureServer, VALID_V1 } from './startFixtureServer.ts';

/** Answered by the plain-Node submission route (createSubmissionRoute). */
const PLAIN = '/api/v1/tenants/erkelenz/services/testantrag/submissions';
/** The same route through Express (a trailing slash is not the plain form; Express's non-strict routing matches it). */
const TWIN = `${PLAIN}/`;
/** Percent-escaped parameter: also Express's. */
const ESCAPED = '/api/v1/tenants/erkelen%7A/services/testantrag/submissions';

/** Headers whose values differ from answer to answer. */
const VARYING = new Set(['date', 'etag', 'content-length', 'ratelimit', 'keep-alive', 'connection']);

function comparableHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!VARYING.has(name)) headers[name] = value;
  });
  return headers;
}

describe('submission route ahead of Express', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer({ config: { submissionBodyLimitBytes: 4096 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('When a plain submission and its Express twin are answered, then both are 201 receipts with the same headers (security headers, no-store, rate limit)', async () => {
    const plain = await postJson(server, PLAIN, VALID_V1);
    const twin = await postJson(server, TWIN, VALID_V1);
    const escaped = await postJson(server, ESCAPED, VALID_V1);
    for (const response of [plain, twin, escaped]) {
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: expect.any(String), reference: expect.stringMatching(/^ERK-\d{4}-\d{6}$/), version: '1.0.0', receivedAt: expect.any(String), statusCode: expect.any(String) });
    }
    expect(comparableHeaders(plain)).toEqual(comparableHeaders(twin));
    expect(comparableHeaders(plain)).toEqual(comparableHeaders(escaped));
    expect(plain.headers.get('cache-control')).toBe('no-store');
    expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(plain.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
    expect(plain.headers.get('ratelimit')).toMatch(/^limit=\d+, remaining=\d+, reset=\d+$/);
  });

  it('When hostile or broken bodies arrive on the plain path, then each gets the same status and code as through Express, and nothing is stored', async () => {
    const before = await countSubmissions(server);
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    const cases: { body: string; status: number; code: string; path?: string }[] = [
      { body: '{"person":', status: 400, code: 'MALFORMED_JSON' },
      { body: '', status: 400, code: 'MALFORMED_JSON' },
      { body: '{"__proto__":{"admin":true}}', status: 400, code: 'FORBIDDEN_KEY' },
      { body: '{"anzahl":1e309}', status: 400, code: 'NUMBER_OUT_OF_RANGE' },
      { body: deep, status: 400, code: 'NESTING_TOO_DEEP' },
      { body: '[1,2]', status: 400, code: 'INVALID_BODY' },
      { body: '{"person":{"vorname":"Erika"}}', status: 422, code: 'VALIDATION_FAILED' },
      { body: 'x'.repeat(5000), status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { body: JSON.stringify(VALID_V1), status: 404, code: 'TENANT_NOT_FOUND', path: '/api/v1/tenants/atlantis/services/testantrag/submissions' },
      { body: JSON.stringify(VALID_V1), status: 404, code: 'SERVICE_NOT_FOUND', path: '/api/v1/tenants/erkelenz/services/unbekannt/submissions' },
    ];
    for (const { body, status, code, path = PLAIN } of cases) {
      for (const target of [path, `${path}/`]) {
        const response = await postJson(server, target, body);
        expect({ target, body: body.slice(0, 40), status: response.status }).toEqual({ target, body: body.slice(0, 40), status });
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(((await response.json()) as { code: string }).code).toBe(code);
      }
    }
    expect(await countSubmissions(server)).toBe(before);
  });

  it('When the declared Content-Length is over the limit, then 413 at once and the connection is closed', async () => {
    const response = await postJson(server, PLAIN, { person: { vorname: 'E'.repeat(5000), nachname: 'M' }, anzahl: 1 });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('When the body starts with a UTF-8 byte order mark, then it is read as Express reads it (the mark skipped)', async () => {
    const body = `\uFEFF${JSON.stringify(VALID_V1)}`;
    expect((await postJson(server, PLAIN, body)).status).toBe(201);
    expect((await postJson(server, TWIN, body)).status).toBe(201);
  });

  it('When the media type is not plain JSON, then Express answers it (415 for text/plain, 201 with parameters)', async () => {
    const text = await fetch(`${server.baseUrl}${PLAIN}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(VALID_V1) });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const withParameter = await fetch(`${server.baseUrl}${PLAIN}`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8; profile=x' }, body: JSON.stringify(VALID_V1) });
    expect(withParameter.status).toBe(201);
  });
});

describe('submission rate limit', () => {
  it('When a client alternates between the plain route and its Express twin, then one limit counts both', async () => {
    const server = await startFixtureServer({ config: { submissionRateLimit: 3 } });
    try {
      const statuses: number[] = [];
      for (const path of [PLAIN, TWIN, PLAIN, TWIN]) statuses.push((await postJson(server, path, VALID_V1)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const limited = await postJson(server, PLAIN, VALID_V1);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(limited.headers.get('ratelimit')).toMatch(/^limit=3, remaining=0, reset=\d+$/);
      expect(((await limited.json()) as { code: string }).code).toBe('RATE_LIMITED');
      expect(await countSubmissions(server)).toBe(3);
    } finally {
      await server.close();
    }
  });
});

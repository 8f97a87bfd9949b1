import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedServer } from '../helpers/startServer.ts';
import { countSubmissions, startFixtureServer, VALID_V1 } from './startFixtureServer.ts';

const SUBMIT = '/api/v1/tenants/erkelenz/services/testantrag/submissions';
const BODY_LIMIT = 4096;

interface BadCase {
  when: string;
  path?: string;
  contentType?: string | null;
  body: string;
  status: number;
  code: string;
}

const CASES: BadCase[] = [
  { when: 'the body is malformed JSON', body: '{"person": {', status: 400, code: 'MALFORMED_JSON' },
  { when: 'the body is empty JSON', body: '', status: 400, code: 'MALFORMED_JSON' },
  { when: 'the content type is text/plain', contentType: 'text/plain', body: JSON.stringify(VALID_V1), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { when: 'the content type is form-urlencoded', contentType: 'application/x-www-form-urlencoded', body: 'person=1', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { when: 'the content type is missing', contentType: null, body: JSON.stringify(VALID_V1), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { when: 'the charset is not UTF-8', contentType: 'application/json; charset=latin1', body: JSON.stringify(VALID_V1), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { when: 'the body is over the size limit', body: JSON.stringify({ ...VALID_V1, bemerkung: 'x'.repeat(BODY_LIMIT) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { when: 'the participant is unknown', path: '/api/v1/tenants/atlantis/services/testantrag/submissions', body: JSON.stringify(VALID_V1), status: 404, code: 'TENANT_NOT_FOUND' },
  { when: 'the service is unknown', path: '/api/v1/tenants/erkelenz/services/gibt-es-nicht/submissions', body: JSON.stringify(VALID_V1), status: 404, code: 'SERVICE_NOT_FOUND' },
  { when: 'the service is disabled for the participant', path: '/api/v1/tenants/wegberg/services/testantrag/submissions', body: JSON.stringify(VALID_V1), status: 404, code: 'SERVICE_NOT_FOUND' },
  { when: 'the participant never enabled the service', path: '/api/v1/tenants/selfkant/services/testantrag/submissions', body: JSON.stringify(VALID_V1), status: 404, code: 'SERVICE_NOT_FOUND' },
  { when: 'a required field is missing', body: JSON.stringify({ anzahl: 1 }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'a value has the wrong type', body: JSON.stringify({ ...VALID_V1, anzahl: 'zwei' }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'an unknown property is sent', body: JSON.stringify({ ...VALID_V1, hobby: 'Angeln' }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'the client sets tenant', body: JSON.stringify({ ...VALID_V1, tenant: 'gangelt' }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'the client sets id', body: JSON.stringify({ ...VALID_V1, id: '00000000-0000-4000-8000-000000000000' }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'the client sets status', body: JSON.stringify({ ...VALID_V1, status: 'abgeschlossen' }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'the client sets version', body: JSON.stringify({ ...VALID_V1, version: '2.0.0' }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'the client sets receivedAt', body: JSON.stringify({ ...VALID_V1, receivedAt: '2020-01-01T00:00:00Z' }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'a nested object has an extra property', body: JSON.stringify({ ...VALID_V1, person: { ...VALID_V1.person, reference: 'ERK-1' } }), status: 422, code: 'VALIDATION_FAILED' },
  { when: 'the body has a __proto__ key', body: '{"person":{"vorname":"A","nachname":"B"},"anzahl":1,"__proto__":{"isAdmin":true}}', status: 400, code: 'FORBIDDEN_KEY' },
  { when: 'a nested object has a __proto__ key', body: '{"person":{"vorname":"A","nachname":"B","__proto__":{"x":1}},"anzahl":1}', status: 400, code: 'FORBIDDEN_KEY' },
  { when: 'the body has a constructor key', body: '{"person":{"vorname":"A","nachname":"B"},"anzahl":1,"constructor":{"prototype":{"x":1}}}', status: 400, code: 'FORBIDDEN_KEY' },
  { when: 'the body is nested absurdly deep', body: `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`, status: 400, code: 'NESTING_TOO_DEEP' },
  { when: 'the body is an array', body: '[1,2,3]', status: 400, code: 'INVALID_BODY' },
  { when: 'the body is a bare string', body: '"hallo"', status: 400, code: 'INVALID_BODY' },
  { when: 'the body is null', body: 'null', status: 400, code: 'INVALID_BODY' },
];

describe('bad input on the submission route', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer({ config: { submissionBodyLimitBytes: BODY_LIMIT } });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(CASES)('When $when, then $status $code and nothing is stored', async ({ path, contentType, body, status, code }) => {
    const before = await countSubmissions(server);
    const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType ?? 'application/json' };
    const response = await fetch(`${server.baseUrl}${path ?? SUBMIT}`, { method: 'POST', headers, body: contentType === null ? new Blob([body]) : body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    const answer = JSON.parse(text) as { code: string; message: string };
    expect(answer.code).toBe(code);
    expect(answer.message).toBeTypeOf('string');
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(await countSubmissions(server)).toBe(before);
  });

  it('When an unknown property is sent, then the 422 names it with a German message', async () => {
    const response = await fetch(`${server.baseUrl}${SUBMIT}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...VALID_V1, tenant: 'gangelt' }) });
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { errors: { pointer: string; message: string }[] };
    expect(answer.errors).toContainEqual({ pointer: '/tenant', message: expect.stringMatching(/[äöüß]|nicht|Feld|Angabe/i) });
  });

  it('When a request hits a bug in a handler, then a generic 500 without details is answered, it is logged and the server keeps serving', async () => {
    const lines: string[] = [];
    const original = server.deps.storage.participants.get.bind(server.deps.storage.participants);
    const logger = server.deps.logger;
    const originalError = logger.error;
    logger.error = (message, fields) => void lines.push(JSON.stringify({ message, fields }));
    server.deps.storage.participants.get = async () => {
      throw new Error('simulated defect');
    };
    try {
      const response = await fetch(`${server.baseUrl}${SUBMIT}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(VALID_V1) });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('simulated defect');
      expect(lines[0]).not.toContain('Erika');
    } finally {
      server.deps.storage.participants.get = original;
      logger.error = originalError;
    }
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});

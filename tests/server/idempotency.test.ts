import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedServer } from '../helpers/startServer.ts';
import { countSubmissions, postJson, startFixtureServer, VALID_V1, VALID_V2 } from './startFixtureServer.ts';

const SUBMIT_ERK = '/api/v1/tenants/erkelenz/services/testantrag/submissions';
const SUBMIT_GAN = '/api/v1/tenants/gangelt/services/testantrag/submissions';

describe('Idempotency-Key on submissions', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('When a POST is retried with the same key and body, then the first answer comes back and it is stored once', async () => {
    const before = await countSubmissions(server);
    const first = await postJson(server, SUBMIT_ERK, VALID_V1, { 'idempotency-key': 'retry-1-7f3a9c2e5d41' });
    const second = await postJson(server, SUBMIT_ERK, { anzahl: 2, person: { nachname: 'Mustermann', vorname: 'Erika' } }, { 'idempotency-key': 'retry-1-7f3a9c2e5d41' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    expect(await countSubmissions(server)).toBe(before + 1);
  });

  it('When many identical requests with one key race, then exactly one submission is stored and all get its answer', async () => {
    const before = await countSubmissions(server);
    const responses = await Promise.all(Array.from({ length: 25 }, () => postJson(server, SUBMIT_ERK, VALID_V1, { 'idempotency-key': 'race-1-7f3a9c2e5d41' })));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ id: string }>));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(await countSubmissions(server)).toBe(before + 1);
  });

  it('When the same key comes with a different body, then 422 IDEMPOTENCY_KEY_REUSED and nothing more is stored', async () => {
    await postJson(server, SUBMIT_ERK, VALID_V1, { 'idempotency-key': 'reuse-1-7f3a9c2e5d41' });
    const before = await countSubmissions(server);
    const response = await postJson(server, SUBMIT_ERK, { ...VALID_V1, anzahl: 3 }, { 'idempotency-key': 'reuse-1-7f3a9c2e5d41' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String) });
    expect(await countSubmissions(server)).toBe(before);
  });

  it('When the same key is used for another participant or service, then it is a separate key', async () => {
    const erk = await postJson(server, SUBMIT_ERK, VALID_V1, { 'idempotency-key': 'scoped-1-7f3a9c2e5d41' });
    const gan = await postJson(server, SUBMIT_GAN, VALID_V2, { 'idempotency-key': 'scoped-1-7f3a9c2e5d41' });
    expect(erk.status).toBe(201);
    expect(gan.status).toBe(201);
    expect(((await gan.json()) as { reference: string }).reference).toMatch(/^GAN-/);
  });

  it('When the first attempt failed validation, then a corrected retry with the same key is accepted', async () => {
    const failed = await postJson(server, SUBMIT_ERK, { anzahl: 1 }, { 'idempotency-key': 'fix-1-7f3a9c2e5d41' });
    expect(failed.status).toBe(422);
    const fixed = await postJson(server, SUBMIT_ERK, VALID_V1, { 'idempotency-key': 'fix-1-7f3a9c2e5d41' });
    expect(fixed.status).toBe(201);
  });

  it('When the key is short, predictable, too long or has other characters, then 400 INVALID_IDEMPOTENCY_KEY', async () => {
    for (const key of ['x', 'retry-1', 'aaaaaaaaaaaaaaaaaaaa', 'abababababababababab', 'x'.repeat(256), 'mit leerzeichen 123456789', 'schlüssel-0123456789abc']) {
      const response = await postJson(server, SUBMIT_ERK, VALID_V1, { 'idempotency-key': key });
      expect(response.status, key).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('INVALID_IDEMPOTENCY_KEY');
    }
  });

  it('When two citizens would send the same short key with other data, then neither is refused as a reuse of the other', async () => {
    const first = await postJson(server, SUBMIT_ERK, VALID_V1, { 'idempotency-key': crypto.randomUUID() });
    const second = await postJson(server, SUBMIT_ERK, { ...VALID_V1, anzahl: 3 }, { 'idempotency-key': crypto.randomUUID() });
    expect([first.status, second.status]).toEqual([201, 201]);
  });

  it('When a body holds a number beyond double range (1e309) with a key, then 400 NUMBER_OUT_OF_RANGE, never 500', async () => {
    for (const headers of [{ 'idempotency-key': crypto.randomUUID() }, {}] as Record<string, string>[]) {
      const response = await fetch(`${server.baseUrl}${SUBMIT_ERK}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"anzahl":1e309,"person":{"nachname":"A","vorname":"B"}}',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('NUMBER_OUT_OF_RANGE');
    }
  });
});

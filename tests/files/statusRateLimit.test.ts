import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson } from '../server/startFixtureServer.ts';
import { startFilesServer } from './filesHelpers.ts';

describe('status lookup guessing', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFilesServer({ config: { statusRateLimit: 5 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('When a client guesses status codes, then after STATUS_RATE_LIMIT attempts it gets 429 (also for the PDF route)', async () => {
    const guess = (path: string) => postJson(server, `/api/v1/tenants/erkelenz/${path}`, { reference: 'ERK-2026-000001', code: 'AAAA-BBBB-CCCC-DDDD' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await guess(attempt % 2 ? 'status/pdf' : 'status')).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
    expect((await guess('status')).status).toBe(429);
    expect((await guess('status/pdf')).status).toBe(429);
  });
});

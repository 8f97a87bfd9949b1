import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRetentionJob } from '../../server/startRetentionJob.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { countSubmissions, postJson, startFixtureServer, VALID_V1 } from './startFixtureServer.ts';

describe('retention job', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('When the job starts after a submission\'s retentionDays passed, then it erases it at once and records only a count', async () => {
    const receipt = (await (await postJson(server, '/api/v1/tenants/erkelenz/services/testantrag/submissions', VALID_V1)).json()) as { id: string };
    const stillKept = startRetentionJob({ ...server.deps, now: () => new Date(Date.now() + 29 * 86_400_000) });
    await stillKept();
    expect(await countSubmissions(server)).toBe(1);
    const stop = startRetentionJob({ ...server.deps, now: () => new Date(Date.now() + 31 * 86_400_000) });
    await stop();
    expect(await countSubmissions(server)).toBe(0);
    expect(await server.deps.storage.submissions.get('erkelenz', receipt.id)).toBeUndefined();
    const [event] = await server.deps.storage.audit.list({ action: 'submission.erased' });
    expect(event).toMatchObject({ tenant: 'erkelenz', subject: 'testantrag', details: { count: 1, reason: 'retention' } });
  });
});

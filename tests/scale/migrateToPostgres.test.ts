import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, startFilesServer, toRef, upload } from '../files/filesHelpers.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/createTestDatabase.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson } from '../server/startFixtureServer.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SUBMIT_ERK = '/api/v1/tenants/erkelenz/services/nachweis/submissions';
const SUBMIT_GAN = '/api/v1/tenants/gangelt/services/nachweis/submissions';

interface Receipt {
  id: string;
  reference: string;
  statusCode: string;
}

/** Runs `npm run forms -- migrate-to-postgres ...` as the operator would (a child process). */
function migrate(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/forms.ts', 'migrate-to-postgres', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('npm run forms -- migrate-to-postgres', () => {
  let dataDir: string;
  let target: TestDatabase;
  let staff: StaffSessionForTest;
  const receipts: Receipt[] = [];
  let attachmentSha: string;
  let firstKeyedBody: unknown;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kreisform-migrate-'));
    target = await createTestDatabase();
    // A Kreis on the embedded SQLite: submissions with uploads, a staff user who
    // signed in and changed a status (sessions, audit), idempotency keys, reference counters.
    const sqlite = await startFilesServer({ dataDir, config: { databaseUrl: undefined } });
    try {
      staff = await createStaffSession(sqlite, 'erkelenz', 'staff');
      const pdf = makePdf('Mietbescheinigung Migration');
      const uploaded = await upload(sqlite, pdf, { name: 'miete.pdf' });
      attachmentSha = String(uploaded.body.sha256);
      const withFile = await postJson(sqlite, SUBMIT_ERK, { name: 'Erika Mustermann', art: 'miete', nachweis: toRef(uploaded) });
      expect(withFile.status).toBe(201);
      receipts.push((await withFile.json()) as Receipt);
      for (let i = 0; i < 5; i++) {
        const path = i % 2 ? SUBMIT_GAN : SUBMIT_ERK;
        const body = { name: `Person ${i} Ä ö ß 😀`, art: 'miete', nachweis: toRef(await upload(sqlite, makePdf(`n${i}`), { tenant: i % 2 ? 'gangelt' : 'erkelenz' })) };
        if (i === 0) firstKeyedBody = body;
        const response = await postJson(sqlite, path, body, { 'idempotency-key': `migrate-${i}-7f3a9c2e5d41` });
        expect(response.status).toBe(201);
        receipts.push((await response.json()) as Receipt);
      }
      const status = await fetch(`${sqlite.baseUrl}/api/v1/staff/submissions/${receipts[0]!.id}/status`, {
        method: 'POST',
        headers: staff.headers(),
        body: JSON.stringify({ status: 'in_bearbeitung' }),
      });
      expect(status.status).toBe(200);
    } finally {
      await sqlite.close();
    }
  });

  afterAll(async () => {
    await target?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('When the SQLite database is migrated, then every table is copied and its row count and content hash match', () => {
    const result = migrate(['--to', target.url], { DATA_DIR: dataDir });
    expect(result.out).toContain('All ');
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/submissions\s+6\s+6\s+[0-9a-f]{16}\s+ok/);
    expect(result.out).toMatch(/audit_events\s+\d+\s+\d+\s+[0-9a-f]{16}\s+ok/);
    expect(result.out).not.toContain('MISMATCH');
  });

  it('When the target already holds data, then the command refuses and changes nothing', () => {
    const result = migrate(['--from', join(dataDir, 'kreisform.sqlite'), '--to', target.url]);
    expect(result.status).toBe(1);
    expect(result.out).toContain('not empty');
  });

  it('When a server runs on the PostgreSQL database with the same DATA_DIR, then it serves the same submissions, files and users', async () => {
    let postgres: StartedServer | undefined;
    try {
      postgres = await startFilesServer({ dataDir, config: { databaseUrl: target.url } });
      // The staff user signs in again with the same password (users copied; sessions from SQLite stay valid too).
      const oldSession = await fetch(`${postgres.baseUrl}/api/v1/staff/submissions/${receipts[0]!.id}`, { headers: staff.headers() });
      expect(oldSession.status).toBe(200);
      const first = (await oldSession.json()) as { reference: string; status: string; data: { name: string } };
      expect(first).toMatchObject({ reference: receipts[0]!.reference, status: 'in_bearbeitung', data: { name: 'Erika Mustermann' } });
      for (const receipt of receipts.slice(1)) {
        const tenantStaff = receipt.reference.startsWith('GAN') ? await createStaffSession(postgres, 'gangelt', 'staff') : staff;
        const response = await fetch(`${postgres.baseUrl}/api/v1/staff/submissions/${receipt.id}`, { headers: tenantStaff.headers() });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { reference: string }).reference).toBe(receipt.reference);
      }
      // The attachment's bytes (DATA_DIR/blobs) and its row belong together again.
      const attachments = await fetch(`${postgres.baseUrl}/api/v1/staff/submissions/${receipts[0]!.id}/attachments`, { headers: staff.headers() });
      expect(attachments.status).toBe(200);
      const listed = (await attachments.json()) as { items: { id: string; sha256: string }[] };
      expect(listed.items.map((item) => item.sha256)).toEqual([attachmentSha]);
      const file = await fetch(`${postgres.baseUrl}/api/v1/staff/submissions/${receipts[0]!.id}/attachments/${listed.items[0]!.id}`, { headers: staff.headers() });
      expect(file.status).toBe(200);
      // The citizen's status code (DATA_DIR/status-code.key) still works.
      const status = await postJson(postgres, '/api/v1/tenants/erkelenz/status', { reference: receipts[0]!.reference, code: receipts[0]!.statusCode });
      expect(status.status).toBe(200);
      // The same Idempotency-Key answers the stored submission; a new one continues the reference numbers.
      const retried = await postJson(postgres, SUBMIT_ERK, firstKeyedBody, { 'idempotency-key': 'migrate-0-7f3a9c2e5d41' });
      expect(retried.status).toBe(201);
      expect(((await retried.json()) as Receipt).id).toBe(receipts[1]!.id);
      const fresh = await postJson(postgres, SUBMIT_ERK, { name: 'Neu', art: 'miete', nachweis: toRef(await upload(postgres, makePdf('neu'))) });
      expect(fresh.status).toBe(201);
      const freshReference = ((await fresh.json()) as Receipt).reference;
      const erkReferences = receipts.filter((r) => r.reference.startsWith('ERK')).map((r) => r.reference);
      expect(erkReferences).not.toContain(freshReference);
      expect(freshReference > erkReferences.sort().at(-1)!).toBe(true);
    } finally {
      await postgres?.close();
    }
  });
});

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileBlobStore } from '../../server/files/FileBlobStore.ts';
import { runRetention } from '../../server/usecases/runRetention.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson } from '../server/startFixtureServer.ts';
import { dbAll, makePdf, makePng, startFilesServer, toRef, upload } from './filesHelpers.ts';

const SUBMIT = '/api/v1/tenants/erkelenz/services/nachweis/submissions';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('uploads apart from the JSON', () => {
  let server: StartedServer;
  let clock = Date.parse('2026-12-07T09:00:00Z');

  beforeAll(async () => {
    server = await startFilesServer({ now: () => new Date(clock) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('When a PDF is uploaded for the PDF field, then 201 answers a token with the facts from the bytes and only the token hash is stored', async () => {
    const pdf = makePdf();
    const answer = await upload(server, pdf, { name: 'C:\\Users\\erika\\Miete 2026.pdf', type: 'text/plain' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: 'Miete 2026.pdf', type: 'application/pdf', size: pdf.length, sha256: sha256(pdf), scan: 'unchecked' });
    expect(answer.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await dbAll<{ token_hash: string; blob_key: string }>(server, 'SELECT token_hash, blob_key FROM uploads');
    const row = rows.find((r) => r.token_hash === createHash('sha256').update(String(answer.body.token)).digest('hex'));
    expect(row).toBeDefined();
    expect(JSON.stringify(rows)).not.toContain(String(answer.body.token));
    expect(existsSync((server.deps.blobs as FileBlobStore).pathOf(row!.blob_key))).toBe(true);
  });

  it('When a PNG is sent with a .pdf name and a PDF content type, then 415 with a German message (type from the bytes)', async () => {
    const answer = await upload(server, makePng(), { name: 'nachweis.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ code: 'UPLOAD_TYPE_NOT_ACCEPTED', errors: [{ pointer: '/nachweis', message: expect.stringContaining('Dateiart') }] });
  });

  it('When a file is larger than the field allows (declared length), then 413 with a German message and nothing is stored', async () => {
    const before = await dbAll(server, 'SELECT id FROM uploads');
    const answer = await upload(server, Buffer.concat([makePng(), Buffer.alloc(3 * 1024 * 1024)]), { field: '/foto', name: 'foto.png' });
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('UPLOAD_TOO_LARGE');
    expect((await dbAll(server, 'SELECT id FROM uploads')).length).toBe(before.length);
  });

  it('When a chunked upload without length passes the limit, then the server stops reading at the limit and answers 413 in German', async () => {
    const url = new URL(`${server.baseUrl}/api/v1/tenants/erkelenz/services/nachweis/uploads?field=%2Ffoto`);
    const boundary = 'kreisformgrenze';
    let sent = 0;
    // Bytes sent when the answer arrived: what the server had to take before it answered (after the answer, the client
    // may still push into socket buffers until it notices, and that depends on the machine's load, not the server).
    let sentWhenAnswered = -1;
    const answer = await new Promise<{ status: number; body: string }>((resolveAnswer, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } }, (res) => {
        sentWhenAnswered = sent;
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolveAnswer({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gross.png"\r\nContent-Type: image/png\r\n\r\n`);
      req.write(makePng());
      const chunk = Buffer.alloc(64 * 1024);
      const pump = (): void => {
        // Keeps sending (up to 64 MiB) until the server answers; a server reading everything would take long.
        while (sent < 64 * 1024 * 1024 && !req.destroyed && sentWhenAnswered < 0) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'UPLOAD_TOO_LARGE', errors: [{ pointer: '/foto', message: 'Die Datei ist zu groß. Erlaubt sind höchstens 2 MB.' }] });
    expect(sentWhenAnswered).toBeGreaterThan(0);
    expect(sentWhenAnswered).toBeLessThan(32 * 1024 * 1024);
    expect(await readdir(join(server.dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('When the field is unknown or no file field, then 404 before reading', async () => {
    expect((await upload(server, makePdf(), { field: '/name' })).status).toBe(404);
    expect((await upload(server, makePdf(), { field: '/nichts' })).status).toBe(404);
    expect((await upload(server, makePdf(), { service: 'unbekannt' })).status).toBe(404);
  });

  it('When the body is not multipart or has no file part, then 415 or 400', async () => {
    const json = await postJson(server, '/api/v1/tenants/erkelenz/services/nachweis/uploads?field=%2Fnachweis', { a: 1 });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('text', 'kein file');
    const noFile = await fetch(`${server.baseUrl}/api/v1/tenants/erkelenz/services/nachweis/uploads?field=%2Fnachweis`, { method: 'POST', body: form });
    expect(noFile.status).toBe(400);
  });

  it('When a submission refers to its uploads by token, then 201 with a status code, the stored data holds upload ids and the uploads are bound', async () => {
    const pdf = await upload(server, makePdf(), { name: 'miete.pdf' });
    const png = await upload(server, makePng(), { field: '/foto', name: 'foto.png', type: 'image/png' });
    const response = await postJson(server, SUBMIT, { name: 'Erika Mustermann', art: 'miete', nachweis: toRef(pdf), foto: toRef(png) });
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as { id: string; statusCode: string };
    expect(receipt.statusCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await server.deps.storage.submissions.get('erkelenz', receipt.id);
    const data = stored!.data as { nachweis: Record<string, unknown> };
    expect(data.nachweis).toEqual({ id: expect.any(String), name: 'miete.pdf', type: 'application/pdf', size: pdf.body.size, sha256: pdf.body.sha256 });
    expect(JSON.stringify(stored!.data)).not.toContain(String(pdf.body.token));
    const bound = await server.deps.storage.uploads.listBySubmission('erkelenz', receipt.id);
    expect(bound.map((u) => u.name).sort()).toEqual(['foto.png', 'miete.pdf']);
    const [row] = await dbAll<{ status_code_hash: string }>(server, 'SELECT status_code_hash FROM submissions WHERE id = ?', [receipt.id]);
    expect(row!.status_code_hash).toMatch(/^[0-9a-f]{64}$/);

    // The same token again: already used.
    const again = await postJson(server, SUBMIT, { name: 'Erika Mustermann', art: 'miete', nachweis: toRef(pdf) });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: 'UPLOAD_NOT_AVAILABLE', errors: [{ pointer: '/nachweis', message: expect.stringContaining('erneut hoch') }] });
  });

  it('When a citizen saves a draft of a form with file fields, then it is stored with the file reference and resumes', async () => {
    const pdf = await upload(server, makePdf(), { name: 'entwurf.pdf' });
    const saved = await postJson(server, '/api/v1/tenants/erkelenz/services/nachweis/drafts', { data: { name: 'Erika', nachweis: toRef(pdf) } });
    expect(saved.status).toBe(201);
    const { code } = (await saved.json()) as { code: string };
    const resumed = await postJson(server, '/api/v1/tenants/erkelenz/drafts/resume', { code });
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toMatchObject({ data: { name: 'Erika', nachweis: toRef(pdf) } });
    const foreign = await postJson(server, '/api/v1/tenants/erkelenz/services/nachweis/drafts', { data: { nachweis: { ...toRef(pdf), extra: 1 } } });
    expect(foreign.status).toBe(422);
    expect(await foreign.json()).toMatchObject({ code: 'INVALID_DRAFT' });
  });

  it('When one token is sent by many concurrent submissions, then exactly one stores it', async () => {
    const pdf = await upload(server, makePdf());
    const answers = await Promise.all(Array.from({ length: 8 }, () => postJson(server, SUBMIT, { name: 'Erika', art: 'miete', nachweis: toRef(pdf) })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422, 422, 422, 422]);
  });

  it('When a token of another participant, a changed checksum or a stored id is sent, then 422 and nothing is stored', async () => {
    const gangelt = await upload(server, makePdf(), { tenant: 'gangelt' });
    expect((await postJson(server, SUBMIT, { name: 'E', art: 'miete', nachweis: toRef(gangelt) })).status).toBe(422);
    const own = await upload(server, makePdf());
    expect((await postJson(server, SUBMIT, { name: 'E', art: 'miete', nachweis: { ...toRef(own), sha256: 'a'.repeat(64) } })).status).toBe(422);
    const { token: _token, ...rest } = toRef(own);
    expect((await postJson(server, SUBMIT, { name: 'E', art: 'miete', nachweis: { ...rest, id: '0b7e3c1e-8f5e-4a51-9f4e-3f1f0d3c9a11' } })).status).toBe(422);
    // The own upload is still unbound and usable.
    expect((await postJson(server, SUBMIT, { name: 'E', art: 'miete', nachweis: toRef(own) })).status).toBe(201);
  });

  // nachweis still has a data-URL field of the old kind, so it keeps the legacy limit; a version with upload fields
  // only refuses a 5 MB body (tests/server/hardening.test.ts, "body limits follow the served version").
  it('When a JSON body over the limit is sent, then 413 without parsing it; a draft over 256 KiB too', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(server.deps.config.legacySubmissionBodyLimitBytes), art: 'miete' });
    const response = await postJson(server, SUBMIT, big);
    expect(response.status).toBe(413);
    expect((await response.json()) as unknown).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const draft = await postJson(server, '/api/v1/tenants/erkelenz/services/nachweis/drafts', { data: { name: 'x'.repeat(300 * 1024) } });
    expect(draft.status).toBe(413);
  });

  it('When 24 hours passed, then the retention job purges unbound uploads with their bytes and keeps bound ones', async () => {
    const unbound = await upload(server, makePdf('unbound'));
    const [row] = await dbAll<{ blob_key: string }>(server, 'SELECT blob_key FROM uploads WHERE sha256 = ?', [unbound.body.sha256]);
    const boundBefore = await dbAll(server, 'SELECT id FROM uploads WHERE submission_id IS NOT NULL');
    clock += 24 * 60 * 60 * 1000 + 1000;
    const result = await runRetention(server.deps);
    expect(result.purgedUploads).toBeGreaterThanOrEqual(1);
    expect(existsSync((server.deps.blobs as FileBlobStore).pathOf(row!.blob_key))).toBe(false);
    expect(await dbAll(server, 'SELECT id FROM uploads WHERE submission_id IS NULL')).toEqual([]);
    expect((await dbAll(server, 'SELECT id FROM uploads WHERE submission_id IS NOT NULL')).length).toBe(boundBefore.length);
    // An expired token can no longer be used.
    expect((await postJson(server, SUBMIT, { name: 'E', art: 'miete', nachweis: toRef(unbound) })).status).toBe(422);
  });
});

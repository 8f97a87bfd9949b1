import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileBlobStore } from '../../server/files/FileBlobStore.ts';
import { runRetention } from '../../server/usecases/runRetention.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson } from '../server/startFixtureServer.ts';
import { dbAll, makePdf, makePng, startFilesServer, toRef, upload } from './filesHelpers.ts';

const SUBMIT = '/api/v1/tenants/erkelenz/services/nachweis/submissions';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kreisform-pdf-'));
  try {
    await writeFile(join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('staff open attachments and the application PDF; citizens see the status', () => {
  let clock = Date.parse('2026-12-07T09:15:00Z');
  let server: StartedServer;
  let erkelenz: StaffSessionForTest;
  let gangelt: StaffSessionForTest;
  const pdf = makePdf('Mietbescheinigung 2026');
  const png = makePng(8, 8);
  // An older version's data-URL field: the file travels inside the JSON.
  const legacyPdf = makePdf('Alte Form');
  let receipt: { id: string; reference: string; statusCode: string };
  let attachments: { id: string; name: string; type: string; size: number; sha256: string; scan: string }[];

  beforeAll(async () => {
    server = await startFilesServer({ now: () => new Date(clock) });
    erkelenz = await createStaffSession(server, 'erkelenz');
    gangelt = await createStaffSession(server, 'gangelt');
    const pdfUpload = await upload(server, pdf, { name: 'Miete Dezember.pdf' });
    const pngUpload = await upload(server, png, { field: '/foto', name: 'Foto.png' });
    const response = await postJson(server, SUBMIT, {
      name: 'Erika Mustermann',
      geburtsdatum: '1980-02-29',
      art: 'eigentum',
      nachweis: toRef(pdfUpload),
      foto: toRef(pngUpload),
      altnachweis: `data:application/pdf;name=Alter%20Nachweis.pdf;base64,${legacyPdf.toString('base64')}`,
    });
    expect(response.status).toBe(201);
    receipt = (await response.json()) as typeof receipt;
  });
  afterAll(async () => {
    await server.close();
  });

  const staffGet = (session: StaffSessionForTest, path: string) => fetch(`${server.baseUrl}/api/v1/staff${path}`, { headers: { cookie: session.cookie } });

  it('When staff of the participant list the attachments, then each has type, size, checksum and scan state', async () => {
    const response = await staffGet(erkelenz, `/submissions/${receipt.id}/attachments`);
    expect(response.status).toBe(200);
    attachments = ((await response.json()) as { items: typeof attachments }).items;
    expect(attachments).toEqual([
      { id: expect.any(String), field: '/foto', name: 'Foto.png', type: 'image/png', size: png.length, sha256: sha256(png), scan: 'unchecked' },
      { id: expect.any(String), field: '/nachweis', name: 'Miete Dezember.pdf', type: 'application/pdf', size: pdf.length, sha256: sha256(pdf), scan: 'unchecked' },
    ]);
  });

  it('When staff download an attachment, then the exact bytes come as an attachment with nosniff, and it is audited', async () => {
    for (const [attachment, bytes] of [
      [attachments[0]!, png],
      [attachments[1]!, pdf],
    ] as const) {
      const response = await staffGet(erkelenz, `/submissions/${receipt.id}/attachments/${attachment.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(attachment.type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    }
    expect((await staffGet(erkelenz, `/submissions/${receipt.id}/attachments/${attachments[1]!.id}`)).headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Miete%20Dezember.pdf",
    );
    const events = await server.deps.storage.audit.list({ tenant: 'erkelenz', action: 'attachment.downloaded', subject: receipt.id });
    expect(events.length).toBe(3);
    expect(JSON.stringify(events)).not.toContain('Miete');
  });

  it("When another participant's staff ask for the attachments, one of them or the PDF, then 404 exactly like a missing id", async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/submissions/${receipt.id}/attachments`, `/submissions/${receipt.id}/attachments/${attachments[0]!.id}`, `/submissions/${receipt.id}/attachments/${attachments[1]!.id}`, `/submissions/${receipt.id}/pdf`]) {
      const foreign = await staffGet(gangelt, path);
      const absent = await staffGet(erkelenz, path.replace(receipt.id, missing));
      expect(foreign.status).toBe(404);
      expect(absent.status).toBe(404);
      expect(await foreign.json()).toEqual(await absent.json());
    }
    const wrongAttachment = await staffGet(erkelenz, `/submissions/${receipt.id}/attachments/${missing}`);
    expect(wrongAttachment.status).toBe(404);
  });

  it('When staff download the application PDF, then its text holds participant, service, version, reference, German date-time, answers as on the review page and attachments with SHA-256', async () => {
    const response = await staffGet(erkelenz, `/submissions/${receipt.id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`Antrag-${receipt.reference}.pdf`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const fonts = await pdfFonts(bytes);
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    const text = await pdfText(bytes);
    for (const expected of [
      'Stadt Erkelenz',
      'Serviceportal Stadt Erkelenz',
      'Nachweis einreichen',
      `Referenz: ${receipt.reference}`,
      'Eingegangen am: 07.12.2026, 10:15 Uhr',
      'Formularversion: 1.0.0',
      'Vollständiger Name: Erika Mustermann',
      'Geburtsdatum: 29.02.1980',
      'Art des Nachweises: Grundbuchauszug',
      'Miete Dezember.pdf',
      `SHA-256: ${sha256(pdf)}`,
      `SHA-256: ${sha256(png)}`,
      'Alter Nachweis.pdf',
      `SHA-256: ${sha256(legacyPdf)}`,
      'nicht geprüft',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('eigentum');
  });

  it('When the citizen asks with reference and status code, then the status and the PDF come back; a wrong code and a wrong reference answer identically', async () => {
    const ask = (body: unknown, path = 'status') => postJson(server, `/api/v1/tenants/erkelenz/${path}`, body);
    const ok = await ask({ reference: receipt.reference, code: receipt.statusCode.toLowerCase() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      reference: receipt.reference,
      serviceTitle: 'Nachweis einreichen',
      receivedAt: '2026-12-07T09:15:00.000Z',
      status: 'eingegangen',
      statusName: 'Eingegangen',
      history: [{ at: '2026-12-07T09:15:00.000Z', status: 'eingegangen', statusName: 'Eingegangen' }],
    });
    const wrongCode = await ask({ reference: receipt.reference, code: 'AAAA-AAAA-AAAA-AAAA' });
    const wrongReference = await ask({ reference: receipt.reference.replace(/\d$/, (d) => String((Number(d) + 1) % 10)), code: receipt.statusCode });
    const otherTenant = await postJson(server, '/api/v1/tenants/gangelt/status', { reference: receipt.reference, code: receipt.statusCode });
    expect(wrongCode.status).toBe(404);
    const bodies = await Promise.all([wrongCode, wrongReference, otherTenant].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect([wrongReference.status, otherTenant.status]).toEqual([404, 404]);

    const citizenPdf = await ask({ reference: receipt.reference, code: receipt.statusCode }, 'status/pdf');
    expect(citizenPdf.status).toBe(200);
    expect(await pdfText(Buffer.from(await citizenPdf.arrayBuffer()))).toContain('Vollständiger Name: Erika Mustermann');
    expect((await ask({ reference: receipt.reference, code: 'AAAA-AAAA-AAAA-AAAA' }, 'status/pdf')).status).toBe(404);
  });

  it('When staff change the status, then the citizen sees it at once with its history', async () => {
    clock += 60 * 60 * 1000;
    const changed = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${receipt.id}/status`, { method: 'POST', headers: erkelenz.headers(), body: JSON.stringify({ status: 'in_bearbeitung' }) });
    expect(changed.status).toBe(200);
    const status = (await (await postJson(server, '/api/v1/tenants/erkelenz/status', { reference: receipt.reference, code: receipt.statusCode })).json()) as { statusName: string; history: unknown[] };
    expect(status.statusName).toBe('In Bearbeitung');
    expect(status.history).toEqual([
      { at: '2026-12-07T09:15:00.000Z', status: 'eingegangen', statusName: 'Eingegangen' },
      { at: '2026-12-07T10:15:00.000Z', status: 'in_bearbeitung', statusName: 'In Bearbeitung' },
    ]);
  });

  it('When staff export as JSON or ZIP, then attachment metadata (and in the ZIP the files) are included', async () => {
    const json = (await (await staffGet(erkelenz, '/exports/nachweis/1.0.0?format=json')).json()) as { id: string; attachments: unknown[] }[];
    expect(json.find((row) => row.id === receipt.id)!.attachments).toHaveLength(2);
    const zip = await staffGet(erkelenz, '/exports/nachweis/1.0.0?format=zip');
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const dir = await mkdtemp(join(tmpdir(), 'kreisform-zip-'));
    try {
      await writeFile(join(dir, 'e.zip'), Buffer.from(await zip.arrayBuffer()));
      execFileSync('python3', ['-c', `import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])`, join(dir, 'e.zip'), join(dir, 'out')]);
      expect((await readFile(join(dir, 'out', receipt.reference, '2-Miete Dezember.pdf'))).equals(pdf)).toBe(true);
      expect((await readFile(join(dir, 'out', receipt.reference, '1-Foto.png'))).equals(png)).toBe(true);
      const meta = JSON.parse(await readFile(join(dir, 'out', receipt.reference, 'antrag.json'), 'utf8')) as { attachments: { sha256: string }[] };
      expect(meta.attachments.map((a) => a.sha256).sort()).toEqual([sha256(pdf), sha256(png)].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('When staff erase the submission on request, then its files are gone from disk', async () => {
    const keys = await dbAll<{ blob_key: string }>(server, 'SELECT blob_key FROM uploads WHERE submission_id = ?', [receipt.id]);
    expect(keys).toHaveLength(2);
    const paths = keys.map((k) => (server.deps.blobs as FileBlobStore).pathOf(k.blob_key));
    expect(paths.every((path) => existsSync(path))).toBe(true);
    const erased = await fetch(`${server.baseUrl}/api/v1/staff/submissions/${receipt.id}`, { method: 'DELETE', headers: erkelenz.headers() });
    expect(erased.status).toBe(204);
    expect(paths.some((path) => existsSync(path))).toBe(false);
    expect(await dbAll(server, 'SELECT blob_key FROM blob_deletions')).toEqual([]);
    expect((await staffGet(erkelenz, `/submissions/${receipt.id}/attachments`)).status).toBe(404);
  });

  it('When a submission with files passes its retention, then the retention job deletes its files from disk', async () => {
    const up = await upload(server, makePdf('Aufbewahrung'));
    const created = (await (await postJson(server, SUBMIT, { name: 'Max', art: 'miete', nachweis: toRef(up) })).json()) as { id: string };
    const [row] = await dbAll<{ blob_key: string }>(server, 'SELECT blob_key FROM uploads WHERE submission_id = ?', [created.id]);
    const path = (server.deps.blobs as FileBlobStore).pathOf(row!.blob_key);
    expect(existsSync(path)).toBe(true);
    clock += 31 * 24 * 60 * 60 * 1000;
    const result = await runRetention(server.deps);
    expect(result.erasedSubmissions).toBeGreaterThanOrEqual(1);
    expect(existsSync(path)).toBe(false);
  });
});

async function pdfFonts(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kreisform-pdf-'));
  try {
    await writeFile(join(dir, 'a.pdf'), bytes);
    return execFileSync('pdffonts', [join(dir, 'a.pdf')], { encoding: 'utf8' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

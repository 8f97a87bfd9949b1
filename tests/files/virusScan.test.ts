import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClamdScanner } from '../../server/files/ClamdScanner.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { postJson } from '../server/startFixtureServer.ts';
import { dbAll, makePdf, startFilesServer, toRef, upload } from './filesHelpers.ts';
import { eicar, startClamd, type StartedClamd } from './startClamd.ts';

// A real PDF that carries the EICAR string (the bare EICAR file is text, which the PDF field refuses by type before
// any scan); the test database's body signature finds EICAR inside it.
const infectedPdf = Buffer.concat([makePdf('Rechnung'), Buffer.from('\n%'), eicar(), Buffer.from('\n')]);

describe('virus scanning with a real clamd', () => {
  let clamd: StartedClamd;
  let server: StartedServer;

  beforeAll(async () => {
    clamd = await startClamd();
    server = await startFilesServer({ config: { clamdSocket: clamd.socket } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await clamd?.stop();
  });

  it('When clamd scans the EICAR bytes, then the adapter reports them infected; other bytes are clean', async () => {
    const scanner = new ClamdScanner(clamd.socket);
    expect(await scanner.scan(Readable.from([eicar()]))).toEqual({ infected: true, signature: expect.stringMatching(/^Kreisform-Test-EICAR/) });
    expect(await scanner.scan(Readable.from([makePdf(), Buffer.alloc(200_000, 1)]))).toEqual({ infected: false });
  });

  it('When a PDF carrying EICAR is uploaded, then 422 with a German message and nothing is stored', async () => {
    const before = await dbAll(server, 'SELECT id FROM uploads');
    const answer = await upload(server, infectedPdf, { name: 'rechnung.pdf' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'UPLOAD_INFECTED', errors: [{ pointer: '/nachweis', message: 'In der Datei wurde ein Schadprogramm gefunden. Sie wurde nicht gespeichert.' }] });
    expect(await dbAll(server, 'SELECT id FROM uploads')).toEqual(before);
  });

  it('When the EICAR file is uploaded, then it is refused (by type here: the PDF field takes no text files)', async () => {
    const answer = await upload(server, eicar(), { name: 'eicar.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(415);
  });

  it('When a clean file is uploaded, then it is stored as scanned clean', async () => {
    const answer = await upload(server, makePdf('sauber'));
    expect(answer.status).toBe(201);
    expect(answer.body.scan).toBe('clean');
    expect((await postJson(server, '/api/v1/tenants/erkelenz/services/nachweis/submissions', { name: 'E', art: 'miete', nachweis: toRef(answer) })).status).toBe(201);
  });

  it('When clamd is not reachable, then 503 and nothing is stored', async () => {
    const broken = await startFilesServer({ config: { clamdSocket: '/nonexistent/clamd.sock' } });
    try {
      const answer = await upload(broken, makePdf());
      expect(answer.status).toBe(503);
      expect(await dbAll(broken, 'SELECT id FROM uploads')).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

describe('without a scanner', () => {
  it('When no scanner is configured, then uploads are stored marked unchecked ("nicht geprüft")', async () => {
    const server = await startFilesServer();
    try {
      const answer = await upload(server, makePdf());
      expect(answer.body.scan).toBe('unchecked');
      expect(await dbAll(server, 'SELECT scan FROM uploads')).toEqual([{ scan: 'unchecked' }]);
    } finally {
      await server.close();
    }
  });
});

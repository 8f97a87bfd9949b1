import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { startServer, type StartedServer, type StartServerOptions } from '../helpers/startServer.ts';

export const FILES_FORMS_DIR = resolve(import.meta.dirname, '../fixtures/files/forms');
export const FILES_ENABLEMENTS_FILE = resolve(import.meta.dirname, '../fixtures/files/seed/enablements.json');

/** The real server on the file fixture catalogue: `nachweis` 1.0.0 (PDF field up to 10 MiB, photo up to 2 MiB) at erkelenz and gangelt. */
export function startFilesServer(options: StartServerOptions = {}): Promise<StartedServer> {
  return startServer({ ...options, config: { formsDir: FILES_FORMS_DIR, enablementsFile: FILES_ENABLEMENTS_FILE, ...options.config } });
}

/** A small valid PDF (one page with a line of text), padded with a comment to `size` bytes when given. */
export function makePdf(text = 'Mietbescheinigung', size?: number): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const pdf = Buffer.from(body, 'latin1');
  if (size === undefined || size <= pdf.length) return pdf;
  // Padding after %%EOF as a comment block keeps the file a PDF for type detection.
  return Buffer.concat([pdf, Buffer.alloc(size - pdf.length, 0x25)]);
}

/** A real PNG of `width` x `height` grey pixels. */
export function makePng(width = 4, height = 4): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) raw[row * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface UploadAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Uploads bytes as multipart/form-data (part `file`) for a field; the client's declared type is whatever `type` says. */
export async function upload(
  server: StartedServer,
  bytes: Buffer,
  options: { tenant?: string; service?: string; field?: string; name?: string; type?: string } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: options.type ?? 'application/octet-stream' }), options.name ?? 'datei.pdf');
  const response = await fetch(
    `${server.baseUrl}/api/v1/tenants/${options.tenant ?? 'erkelenz'}/services/${options.service ?? 'nachweis'}/uploads?field=${encodeURIComponent(options.field ?? '/nachweis')}`,
    { method: 'POST', body: form },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The reference a portal sends for an upload answer. */
export function toRef(answer: UploadAnswer): Record<string, unknown> {
  const { token, name, type, size, sha256 } = answer.body;
  return { token, name, type, size, sha256 };
}

/** Reads rows straight from the database. */
export function dbAll<T>(server: StartedServer, sql: string, params: unknown[] = []): Promise<T[]> {
  const db = (server.deps.storage as unknown as { db: { all<R>(sql: string, params?: unknown[]): Promise<R[]> } }).db;
  return db.all<T>(sql, params);
}

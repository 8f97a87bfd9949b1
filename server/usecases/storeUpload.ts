import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import type { ScanState } from '../storage/UploadRepository.ts';
import { describeUploadTypes, formatFileSize } from '../../engine/index.ts';
import { hashSecret } from '../domain/hashSecret.ts';
import type { UploadTarget } from './prepareUpload.ts';
import type { UploadReceipt } from '../../contract/portalApi.ts';
export type { UploadReceipt } from '../../contract/portalApi.ts';

/** Bytes looked at to recognise the file type (ZIP-based formats need more than the first few). */
const SNIFF_BYTES = 64 * 1024;
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Stores one uploaded file, streamed: counts the bytes and refuses the file as soon as it passes the field's limit
 * (413), recognises its type from its first bytes (file-type; never the name or the client's header) and refuses a
 * type the field does not accept (415), hashes it (SHA-256), writes it to the blob store, lets the virus scanner
 * check it (infected: 422, nothing stored; scanner failing: 503), commits the blob durably (fsync) and records the
 * upload with the SHA-256 of a new random token (32 bytes), bound to participant and service for 24 hours.
 * `tooLarge` is true when the transport already cut the file at the limit.
 */
export async function storeUpload(deps: AppDeps, target: UploadTarget, file: Readable, fileName: string, tooLarge: () => boolean): Promise<UploadReceipt> {
  const { spec, field } = target;
  const hash = createHash('sha256');
  const writer = await deps.blobs.create();
  let size = 0;
  let head: Buffer[] | undefined = [];
  let headBytes = 0;
  let type: string | undefined;
  try {
    const sniff = async (): Promise<void> => {
      const sample = Buffer.concat(head!);
      const { fileTypeFromBuffer } = await import('file-type');
      const detected = await fileTypeFromBuffer(sample);
      if (!detected || !spec.types.includes(detected.mime)) {
        throw createHttpError('UPLOAD_TYPE_NOT_ACCEPTED', [{ pointer: field, message: `Diese Dateiart wird hier nicht angenommen. Erlaubt sind: ${describeUploadTypes(spec.types)}.` }]);
      }
      type = detected.mime;
      await writer.write(sample);
      head = undefined;
    };
    for await (const chunk of file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > spec.maxBytes) throw tooLargeError(target);
      hash.update(chunk);
      if (head) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) await sniff();
      } else {
        await writer.write(chunk);
      }
    }
    if (tooLarge()) throw tooLargeError(target);
    if (size === 0) throw createHttpError('INVALID_UPLOAD', [{ pointer: field, message: 'Die Datei ist leer. Bitte wählen Sie eine andere Datei.' }]);
    if (head) await sniff();
    let scan: ScanState = 'unchecked';
    if (deps.scanner) {
      let result;
      try {
        result = await deps.scanner.scan(writer.readBack());
      } catch (error) {
        deps.logger.error('virus scan failed', { error: error instanceof Error ? error.message : String(error) });
        throw createHttpError('SCANNER_UNAVAILABLE', [{ pointer: field, message: 'Die Datei konnte gerade nicht auf Schadprogramme geprüft werden. Bitte versuchen Sie es später noch einmal.' }]);
      }
      if (result.infected) {
        deps.logger.warn('infected upload refused', { tenant: target.tenant, service: target.service, signature: result.signature });
        throw createHttpError('UPLOAD_INFECTED', [{ pointer: field, message: 'In der Datei wurde ein Schadprogramm gefunden. Sie wurde nicht gespeichert.' }]);
      }
      scan = 'clean';
    }
    const blobKey = await writer.commit();
    const token = randomBytes(32).toString('base64url');
    const now = deps.now();
    const receipt: UploadReceipt = {
      token,
      name: cleanFileName(fileName),
      type: type!,
      size,
      sha256: hash.digest('hex'),
      scan,
      expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS).toISOString(),
    };
    try {
      await deps.storage.uploads.create({
        id: randomUUID(),
        tokenHash: hashSecret(token),
        tenant: target.tenant,
        service: target.service,
        field,
        name: receipt.name,
        mediaType: receipt.type,
        size,
        sha256: receipt.sha256,
        blobKey,
        scan,
        createdAt: now.toISOString(),
        expiresAt: receipt.expiresAt,
      });
    } catch (error) {
      await deps.blobs.delete(blobKey).catch(() => undefined);
      throw error;
    }
    return receipt;
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}

function tooLargeError(target: UploadTarget): Error {
  return createHttpError('UPLOAD_TOO_LARGE', [{ pointer: target.field, message: `Die Datei ist zu groß. Erlaubt sind höchstens ${formatFileSize(target.spec.maxBytes)}.` }]);
}

/** The last path segment of a client's file name, without control characters, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '_').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'Datei' : clean;
}

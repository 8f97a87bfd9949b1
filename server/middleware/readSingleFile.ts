import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { createHttpError } from '../errors.ts';

/** Room for the multipart framing (boundaries, part headers) around the file in a declared Content-Length. */
const MULTIPART_OVERHEAD = 16 * 1024;

/**
 * Streams the one file part (named `file`) of a multipart/form-data request into `handle`, never buffering it whole:
 * a declared Content-Length beyond `maxBytes` plus framing is refused before reading (413); busboy cuts the file one
 * byte past `maxBytes` (then `truncated()` is true and the handler refuses it). Any other part, a second file or
 * broken multipart is 400 INVALID_UPLOAD. When the request fails before its body was read to the end, reading stops
 * (the request is unpiped) and the answer closes the connection, so an oversized body is never read on.
 */
export async function readSingleFile<T>(
  req: Request,
  res: Response,
  maxBytes: number,
  handle: (file: Readable, fileName: string, truncated: () => boolean) => Promise<T>,
): Promise<T> {
  try {
    if (!req.is('multipart/form-data')) throw createHttpError('UPLOAD_NOT_MULTIPART');
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw createHttpError('UPLOAD_TOO_LARGE');
    return await new Promise<T>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fields: 0, parts: 2, fileSize: maxBytes + 1, headerPairs: 20 } });
      } catch {
        reject(createHttpError('INVALID_UPLOAD'));
        return;
      }
      let handled: Promise<T> | undefined;
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        req.unpipe(parser);
        reject(error);
      };
      parser.on('file', (name, file, info) => {
        if (handled || name !== 'file') {
          file.resume();
          fail(createHttpError('INVALID_UPLOAD'));
          return;
        }
        let truncated = false;
        file.on('limit', () => {
          truncated = true;
        });
        handled = handle(file, info.filename ?? '', () => truncated);
        handled.catch(fail);
      });
      for (const event of ['field', 'filesLimit', 'fieldsLimit'] as const) parser.on(event, () => fail(createHttpError('INVALID_UPLOAD')));
      parser.on('error', () => fail(createHttpError('INVALID_UPLOAD')));
      parser.on('close', () => {
        if (!handled) fail(createHttpError('INVALID_UPLOAD'));
        else
          handled.then((result) => {
            if (settled) return;
            settled = true;
            resolve(result);
          }, fail);
      });
      req.on('aborted', () => fail(createHttpError('INVALID_UPLOAD')));
      req.pipe(parser);
    });
  } catch (error) {
    if (!req.complete) res.set('Connection', 'close');
    throw error;
  }
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The catalogue's fixtures declare their files (x-upload fields) as the reference a portal sends after uploading:
 * `{ token, name, type, size, sha256 }`. The token is a placeholder (a real one comes from the upload route and works
 * once); size and sha256 name one of the sample files here, so tests can upload the very bytes the fixture describes.
 */
export const UPLOAD_SAMPLES_DIR = resolve(import.meta.dirname, '../fixtures/uploads');

export interface UploadRefValue {
  token?: string;
  id?: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface SampleFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const samples = new Map<string, Buffer>(
  readdirSync(UPLOAD_SAMPLES_DIR).map((file) => {
    const buffer = readFileSync(join(UPLOAD_SAMPLES_DIR, file));
    return [createHash('sha256').update(buffer).digest('hex'), buffer] as const;
  }),
);

/** True for a file reference (an x-upload field's value). */
export function isUploadRef(value: unknown): value is UploadRefValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === 'string' && typeof record.type === 'string' && typeof record.size === 'number' && typeof record.sha256 === 'string';
}

/** The sample file a reference describes (by sha256), under the reference's name and type; throws when there is none. */
export function sampleFileFor(ref: UploadRefValue): SampleFile {
  const buffer = samples.get(ref.sha256);
  if (!buffer) throw new Error(`No sample file in ${UPLOAD_SAMPLES_DIR} has sha256 ${ref.sha256} (${ref.name})`);
  if (buffer.length !== ref.size) throw new Error(`The sample file for ${ref.name} has ${buffer.length} bytes, the reference says ${ref.size}`);
  return { name: ref.name, mimeType: ref.type, buffer };
}

/** Every file reference in `data` with its JSON pointer. */
export function findUploadRefs(data: unknown, pointer = ''): { pointer: string; ref: UploadRefValue }[] {
  if (isUploadRef(data)) return [{ pointer, ref: data }];
  if (Array.isArray(data)) return data.flatMap((item, index) => findUploadRefs(item, `${pointer}/${index}`));
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).flatMap(([key, value]) => findUploadRefs(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [];
}

function mapRefs(data: Json, map: (ref: UploadRefValue, pointer: string) => Json, pointer = ''): Json {
  if (isUploadRef(data)) return map(data, pointer);
  if (Array.isArray(data)) return data.map((item, index) => mapRefs(item, map, `${pointer}/${index}`));
  if (typeof data === 'object' && data !== null) {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, mapRefs(value, map, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)]));
  }
  return data;
}

/** The data with each file reference as it is stored (and shown to staff): without the upload token. */
export function withoutUploadTokens<T>(data: T): T {
  return mapRefs(data as Json, ({ token: _token, ...stored }) => stored as unknown as Json) as T;
}

/** The data for a version published before x-upload: each file reference becomes a data URL of its sample file. */
export function withDataUrls<T>(data: T): T {
  return mapRefs(data as Json, (ref) => {
    const file = sampleFileFor(ref);
    return `data:${file.mimeType};name=${encodeURIComponent(file.name)};base64,${file.buffer.toString('base64')}`;
  }) as T;
}

/**
 * Uploads the sample file of each file reference in `data` to the public upload route of `tenant`/`service` and
 * returns the data with the real tokens, ready for a submission.
 */
export async function withUploadedFiles<T>(baseUrl: string, tenant: string, service: string, data: T): Promise<T> {
  const tokens = new Map<string, string>();
  for (const { pointer, ref } of findUploadRefs(data)) {
    const file = sampleFileFor(ref);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
    const response = await fetch(`${baseUrl}/api/v1/tenants/${tenant}/services/${service}/uploads?field=${encodeURIComponent(pointer)}`, { method: 'POST', body: form });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status !== 201 || typeof body.token !== 'string') throw new Error(`upload of ${ref.name} at ${pointer}: ${response.status} ${JSON.stringify(body)}`);
    tokens.set(pointer, body.token);
  }
  return mapRefs(data as Json, (ref, pointer) => ({ ...ref, token: tokens.get(pointer)! }) as unknown as Json) as T;
}

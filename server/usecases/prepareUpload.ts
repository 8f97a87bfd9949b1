import { findFieldSchema, readUploadSpec, type UploadSpec } from '../../engine/index.ts';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';
import { assertAcceptsSubmissions } from './assertAcceptsSubmissions.ts';
import { resolveServedService } from './resolveServedService.ts';

/** Where an upload goes: the participant, the service and the file field (with its limits) of the served version. */
export interface UploadTarget {
  tenant: string;
  service: string;
  /** JSON pointer of the field in the data, e.g. '/nachweis' or '/fotos/0'. */
  field: string;
  spec: UploadSpec;
}

const MAX_POINTER = 500;

/**
 * Resolves the file field an upload is meant for, before any byte of the file is read: 404 for an unknown
 * participant or service, 410 for a participant that left the agreement, 404 UPLOAD_FIELD_NOT_FOUND when the served
 * version has no `x-upload` field at the pointer.
 */
export async function prepareUpload(deps: AppDeps, tenant: string, service: string, field: unknown): Promise<UploadTarget> {
  const { participant, formVersion } = await resolveServedService(deps, tenant, service);
  await assertAcceptsSubmissions(deps.storage, participant.slug, deps.now());
  if (typeof field !== 'string' || field.length > MAX_POINTER || !field.startsWith('/')) throw createHttpError('UPLOAD_FIELD_NOT_FOUND');
  const spec = readUploadSpec(findFieldSchema(formVersion.definition.schema, field));
  if (!spec) throw createHttpError('UPLOAD_FIELD_NOT_FOUND');
  return { tenant: participant.slug, service: formVersion.id, field, spec };
}

import { createHash } from 'node:crypto';
import type { RJSFSchema } from '@rjsf/utils';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';

export interface ValidatorModule {
  source: string;
  etag: string;
}

// Published versions never change, so a generated module is valid for the life of the process.
const cache = new Map<string, ValidatorModule>();

/**
 * The precompiled browser validator of a published version (generated once per `${id}@${version}` and content hash);
 * 404 FORM_VERSION_NOT_FOUND when there is no such published version.
 */
export async function getValidatorModule(deps: AppDeps, service: string, version: string): Promise<ValidatorModule> {
  const formVersion = await deps.storage.formVersions.get(service, version);
  if (!formVersion) throw createHttpError('FORM_VERSION_NOT_FOUND');
  // The content hash is part of the key: separate databases (tests) may hold different content under one number.
  const key = `${service}@${version}@${formVersion.hash}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // The generator (ajv standalone, @rjsf/utils) loads with the first module asked for, not with every process.
  const { createValidatorModuleSource } = await import('./createValidatorModuleSource.ts');
  const source = createValidatorModuleSource(formVersion.definition.schema as RJSFSchema);
  const module = { source, etag: `"${createHash('sha256').update(source).digest('base64url').slice(0, 27)}"` };
  cache.set(key, module);
  return module;
}

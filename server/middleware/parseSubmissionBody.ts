import type { RequestHandler } from 'express';
import { hasDataUrlField } from '../../engine/hasDataUrlField.ts';
import type { AppDeps } from '../AppDeps.ts';
import type { PublishedFormVersion } from '../storage/FormVersionRepository.ts';
import { getPathParam } from '../routes/getPathParam.ts';
import { resolveServedService } from '../usecases/resolveServedService.ts';
import { parseJsonBody } from './parseJsonBody.ts';

/**
 * parseJsonBody for a submission, with the limit of the version the participant serves: 256 KiB
 * (submissionBodyLimitBytes, files travel as uploads), or legacySubmissionBodyLimitBytes for a published version
 * that still carries files inside the JSON as data URLs (published versions never change, so their files keep
 * working until the participant serves a version with upload fields). The served version is resolved before a
 * byte is read (404 for an unknown participant or service) and handed on in `res.locals.servedService`.
 */
export function parseSubmissionBody(deps: AppDeps): RequestHandler {
  const small = parseJsonBody(deps.config.submissionBodyLimitBytes);
  const legacy = parseJsonBody(deps.config.legacySubmissionBodyLimitBytes);
  return async (req, res, next) => {
    const served = await resolveServedService(deps, getPathParam(req, 'tenant'), getPathParam(req, 'service'));
    res.locals.servedService = served;
    const chain = isLegacyVersion(served.formVersion) ? legacy : small;
    const run = (index: number): void => {
      if (index === chain.length) return next();
      try {
        chain[index]!(req, res, (error?: unknown) => (error ? next(error) : run(index + 1)));
      } catch (error) {
        next(error);
      }
    };
    run(0);
  };
}

const legacyVersions = new WeakMap<object, boolean>();

/** Whether a served version still carries files inside the JSON (data URLs); worked out once per definition. */
export function isLegacyVersion(formVersion: PublishedFormVersion): boolean {
  let legacy = legacyVersions.get(formVersion.definition);
  if (legacy === undefined) {
    legacy = hasDataUrlField(formVersion.definition.schema);
    legacyVersions.set(formVersion.definition, legacy);
  }
  return legacy;
}

/** The body limit of a submission to this served version (see parseSubmissionBody). */
export function getSubmissionBodyLimit(config: AppDeps['config'], formVersion: PublishedFormVersion): number {
  return isLegacyVersion(formVersion) ? config.legacySubmissionBodyLimitBytes : config.submissionBodyLimitBytes;
}

import { compare, valid } from 'semver';
import { parseVersionPolicy } from './parseVersionPolicy.ts';

/** A participant's opt-in to a service (seeded from server/seed/enablements.json, managed by admins). */
export interface Enablement {
  tenant: string;
  service: string;
  enabled: boolean;
  /** Exact version `"1.2.0"` (pinned) or `"^1"` (follow compatible updates of major 1). */
  versionPolicy: string;
  /** Date of the agreement to offer the service, YYYY-MM-DD. */
  agreedOn: string;
}

export type ServedVersionResult =
  | { ok: true; version: string }
  | { ok: false; reason: 'not-enabled' | 'no-matching-version'; message: string };

/**
 * Decides which published version of a service a tenant serves: a pinned exact version must itself be
 * published; `^N` serves the highest published N.x.y. A missing or disabled enablement is `not-enabled`.
 * Reasons are data with an English message for developers.
 */
export function resolveServedVersion(
  enablement: Enablement | undefined,
  publishedVersions: readonly string[],
): ServedVersionResult {
  if (!enablement || !enablement.enabled) {
    return { ok: false, reason: 'not-enabled', message: 'The service is not enabled for this tenant.' };
  }
  const policy = parseVersionPolicy(enablement.versionPolicy);
  if (!policy) {
    return {
      ok: false,
      reason: 'no-matching-version',
      message: `Invalid version policy "${enablement.versionPolicy}" (expected "1.2.0" or "^1").`,
    };
  }
  if (policy.kind === 'pinned') {
    if (publishedVersions.includes(policy.version)) return { ok: true, version: policy.version };
    return {
      ok: false,
      reason: 'no-matching-version',
      message: `The pinned version ${policy.version} of ${enablement.service} is not published.`,
    };
  }
  let best: string | undefined;
  for (const version of publishedVersions) {
    const parsed = valid(version);
    if (!parsed || parsed !== version || version.includes('-')) continue;
    if (Number(version.split('.')[0]) !== policy.major) continue;
    if (best === undefined || compare(version, best) > 0) best = version;
  }
  if (best !== undefined) return { ok: true, version: best };
  return {
    ok: false,
    reason: 'no-matching-version',
    message: `No published version ${policy.major}.x.y of ${enablement.service} (policy "^${policy.major}").`,
  };
}

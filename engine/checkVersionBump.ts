import { compare, major, minor, valid } from 'semver';
import type { DefinitionProblem } from './DefinitionError.ts';
import { diffDefinitions, type Bump } from './diffDefinitions.ts';
import { bumpRank, requiredBump } from './requiredBump.ts';
import { isRecord } from './isRecord.ts';

/** The bump from one release version to a higher one. */
function actualBump(from: string, to: string): Bump {
  if (major(to) !== major(from)) return 'major';
  if (minor(to) !== minor(from)) return 'minor';
  return 'patch';
}

/**
 * Checks that `next` is a higher version of the same service than `previous` and that its semver bump is at
 * least what its changes need (requiredBump of diffDefinitions). Returns problems at '/version' whose
 * message lists the changes that need the bigger bump; empty when the bump is fine.
 */
export function checkVersionBump(previous: unknown, next: unknown): DefinitionProblem[] {
  const before = isRecord(previous) ? previous : {};
  const after = isRecord(next) ? next : {};
  const from = typeof before.version === 'string' ? valid(before.version) : null;
  const to = typeof after.version === 'string' ? valid(after.version) : null;
  if (!from || !to) {
    return [{ pointer: '/version', code: 'version-invalid', message: 'Both versions must be valid semantic versions (MAJOR.MINOR.PATCH).' }];
  }
  if (compare(to, from) <= 0) {
    return [{ pointer: '/version', code: 'version-not-increasing', message: `Version ${to} must be higher than ${from}.` }];
  }
  const changes = diffDefinitions(previous, next);
  const needed = requiredBump(changes);
  const bump = actualBump(from, to);
  if (bumpRank(bump) >= bumpRank(needed)) return [];
  const reasons = changes
    .filter((change) => bumpRank(requiredBump([change])) > bumpRank(bump))
    .map((change) => `  - ${change.kind} ${change.pointer}: ${change.description}`);
  return [
    {
      pointer: '/version',
      code: 'version-bump-too-small',
      message: `${from} -> ${to} is a ${bump} bump, but the changes need a ${needed} bump:\n${reasons.join('\n')}`,
    },
  ];
}

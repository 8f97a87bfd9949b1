import type { Bump, DefinitionChange } from './diffDefinitions.ts';

const RANK: Readonly<Record<Bump, number>> = { patch: 0, minor: 1, major: 2 };

/**
 * The smallest semver bump that covers all changes: 'major' for any breaking change, 'minor' when something
 * new is accepted, otherwise 'patch' (also for no changes at all).
 */
export function requiredBump(changes: readonly Pick<DefinitionChange, 'kind' | 'bump'>[]): Bump {
  let needed: Bump = 'patch';
  for (const change of changes) {
    const bump: Bump = change.kind === 'breaking' ? 'major' : (change.bump ?? 'minor');
    if (RANK[bump] > RANK[needed]) needed = bump;
  }
  return needed;
}

/** Rank of a bump for comparisons (patch < minor < major). */
export function bumpRank(bump: Bump): number {
  return RANK[bump];
}

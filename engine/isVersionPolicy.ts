import { parseVersionPolicy } from './parseVersionPolicy.ts';

/** True for a valid version policy: an exact version `"1.2.0"` or a major `"^1"`. */
export function isVersionPolicy(value: unknown): value is string {
  return typeof value === 'string' && parseVersionPolicy(value) !== undefined;
}

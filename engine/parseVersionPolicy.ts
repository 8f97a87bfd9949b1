/** A parsed version policy: pinned to one exact version, or following a major version. */
export type VersionPolicy = { kind: 'pinned'; version: string } | { kind: 'major'; major: number };

const PINNED = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const MAJOR = /^\^(0|[1-9][0-9]*)$/;

/** Parses `"1.2.0"` (pinned) or `"^1"` (major 1); undefined for anything else. */
export function parseVersionPolicy(policy: string): VersionPolicy | undefined {
  if (PINNED.test(policy)) return { kind: 'pinned', version: policy };
  const major = MAJOR.exec(policy);
  if (major) return { kind: 'major', major: Number(major[1]) };
  return undefined;
}

import { formatDate } from '../formatting.ts';
import type { VersionSummary } from '../staffTypes.ts';

/** A service's published versions with the date and summary of each changelog. */
export function VersionList({ versions }: { versions: readonly VersionSummary[] }) {
  return (
    <ul className="kern-list">
      {versions.map((version) => (
        <li key={version.version}>
          <strong>{version.version}</strong> vom {formatDate(version.changelog.date)}: {version.changelog.summary}
        </li>
      ))}
    </ul>
  );
}

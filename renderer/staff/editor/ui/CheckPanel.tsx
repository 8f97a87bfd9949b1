import { describeChangeInGerman, describeProblemInGerman } from '../../../../engine/german/index.ts';
import type { DefinitionCheck } from '../../staffTypes.ts';

const BUMP_NAMES = { major: 'Hauptversion (MAJOR)', minor: 'Nebenversion (MINOR)', patch: 'Korrektur (PATCH)' } as const;

/**
 * The result of the server check: problems with their location, and the changes against the last published version,
 * all in German (engine/german); the stable codes and pointers stay as the server sends them.
 */
export function CheckPanel({ check, checking, failed, definition }: { check: DefinitionCheck | null; checking: boolean; failed: boolean; definition?: unknown }) {
  const problems = check ? [...check.problems, ...check.versionProblems] : [];
  return (
    <div className="editor-check" aria-live="polite">
      <p className="kern-body kern-body--small">{failed ? 'Die Prüfung ist gerade nicht erreichbar.' : checking ? 'Wird geprüft …' : 'Geprüft.'}</p>
      {check && problems.length === 0 ? <p className="kern-body editor-check__ok">Keine Fehler gefunden.</p> : null}
      {problems.length > 0 ? (
        <>
          <h3 className="kern-heading-small">{problems.length === 1 ? '1 Fehler' : `${problems.length} Fehler`}</h3>
          <ul className="kern-list editor-problems">
            {problems.map((problem, index) => (
              <li key={`${problem.pointer}-${index}`}>
                <span className="editor-problems__text">{describeProblemInGerman(problem, definition)}</span>{' '}
                <code>{problem.pointer || '/'}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {check?.previousVersion ? (
        <>
          <h3 className="kern-heading-small">Änderungen gegenüber Version {check.previousVersion}</h3>
          {check.changes.length === 0 ? <p className="kern-body">Keine inhaltlichen Änderungen.</p> : null}
          <ul className="kern-list editor-changes">
            {check.changes.map((change, index) => (
              <li key={`${change.pointer}-${index}`}>
                <span className={`kern-badge kern-badge--small ${change.kind === 'breaking' ? 'kern-badge--danger' : 'kern-badge--info'}`}>
                  <span className="kern-label kern-label--small">{change.kind === 'breaking' ? 'inkompatibel' : 'kompatibel'}</span>
                </span>{' '}
                {describeChangeInGerman(change)} <code>{change.pointer}</code>
              </li>
            ))}
          </ul>
          {check.requiredBump ? (
            <p className="kern-body">
              Erforderlich: {BUMP_NAMES[check.requiredBump]}, also mindestens Version <strong>{check.suggestedVersion}</strong>.
            </p>
          ) : null}
        </>
      ) : check ? (
        <p className="kern-body kern-body--small">Noch keine Version veröffentlicht: die erste Version ist frei wählbar (üblich: 1.0.0).</p>
      ) : null}
    </div>
  );
}

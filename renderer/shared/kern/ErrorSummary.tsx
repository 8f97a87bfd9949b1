import type { MouseEvent } from 'react';
import { focusField } from './focusField.ts';

export interface ErrorSummaryEntry {
  fieldId: string;
  label: string;
  message: string;
}

/** Id of the error summary; forms move the focus here after a failed step or submit. */
export const ERROR_SUMMARY_ID = 'kf-fehleruebersicht';

/**
 * KERN danger alert listing every error; each entry links (anchor #<field id>) and moves the focus to its field.
 * `onShowField` handles fields that are not on the page (e.g. on another step); it gets the field id.
 */
export function ErrorSummary({ entries, onShowField }: { entries: readonly ErrorSummaryEntry[]; onShowField?: (fieldId: string) => void }) {
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    if (focusField(fieldId)) event.preventDefault();
    else if (onShowField) {
      event.preventDefault();
      onShowField(fieldId);
    }
  };
  if (entries.length === 0) return null;
  const heading =
    entries.length === 1 ? 'Bitte korrigieren Sie 1 Angabe' : `Bitte korrigieren Sie ${entries.length} Angaben`;
  return (
    <section
      className="kern-alert kern-alert--danger kf-error-summary"
      id={ERROR_SUMMARY_ID}
      tabIndex={-1}
      aria-labelledby={`${ERROR_SUMMARY_ID}-titel`}
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title" id={`${ERROR_SUMMARY_ID}-titel`}>
          {heading}
        </h2>
      </div>
      <div className="kern-alert__body">
        <ul className="kern-list">
          {entries.map((entry, index) => (
            <li key={`${entry.fieldId}-${index}`}>
              <a className="kern-link" href={`#${entry.fieldId}`} onClick={(event) => onLinkClick(event, entry.fieldId)}>
                {entry.label}: {entry.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

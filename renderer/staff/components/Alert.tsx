import type { ReactNode } from 'react';

const TITLES = { danger: 'Fehler', warning: 'Hinweis', info: 'Information', success: 'Erledigt' } as const;

/** A KERN alert; errors and successes are announced (role alert / status). */
export function Alert({ kind, title, children }: { kind: keyof typeof TITLES; title?: string; children?: ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${kind === 'danger' ? 'danger' : kind === 'success' ? 'success' : kind === 'warning' ? 'warning' : 'info'}`} aria-hidden="true" />
        <span className="kern-title">{title ?? TITLES[kind]}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

import type { ReactNode } from 'react';

const TITLES = { danger: 'Fehler', warning: 'Hinweis', info: 'Information', success: 'Erledigt' } as const;
/** The icon of each kind, spelled out: the build keeps only the KERN rules of classes named in our sources. */
const ICONS = { danger: 'kern-icon--danger', warning: 'kern-icon--warning', info: 'kern-icon--info', success: 'kern-icon--success' } as const;

/** A KERN alert; errors and successes are announced (role alert / status). */
export function Alert({ kind, title, children }: { kind: keyof typeof TITLES; title?: string; children?: ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon ${ICONS[kind]}`} aria-hidden="true" />
        <span className="kern-title">{title ?? TITLES[kind]}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

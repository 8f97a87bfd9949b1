import type { ReactNode } from 'react';

/** The icon of each kind, spelled out: the build keeps only the KERN rules of classes named in our sources. */
const ICONS = { info: 'kern-icon--info', success: 'kern-icon--success', warning: 'kern-icon--warning', danger: 'kern-icon--danger' } as const;

/** KERN alert (info, success, warning, danger) with a title and optional body. */
export function Alert({
  kind,
  title,
  children,
  id,
  focusable,
  headingLevel = 2,
}: {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ReactNode;
  id?: string;
  focusable?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section className={`kern-alert kern-alert--${kind}`} id={id} tabIndex={focusable ? -1 : undefined} aria-label={title}>
      <div className="kern-alert__header">
        <span className={`kern-icon ${ICONS[kind]}`} aria-hidden="true" />
        <Heading className="kern-title">{title}</Heading>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </section>
  );
}

import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../routing.ts';

/** An in-portal link: a real <a href> that navigates with the history API on a plain click. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className ?? 'kern-link'} onClick={onClick}>
      {children}
    </a>
  );
}

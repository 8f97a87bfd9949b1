import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../navigation.ts';

/** An in-app link: a real `<a href>` (works without JS, opens in new tabs) that navigates without reloading. */
export function Link({ to, children, className, current }: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className ?? 'kern-link'} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

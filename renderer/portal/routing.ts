import { createContext, useContext, useSyncExternalStore } from 'react';

export { parseRoute, portalPaths, type LegalPageKind, type PortalRoute } from '../../contract/portalRoutes.ts';

const NAVIGATE_EVENT = 'kf-navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getPathname = () => window.location.pathname;

/** The request's pathname while the server renders a page (there is no window there). */
export const ServerPathnameContext = createContext<string | undefined>(undefined);

/**
 * The current pathname, re-rendering on history navigation. On the server (and while the browser hydrates the
 * server's HTML) it is the request's pathname, which is the page's own.
 */
export function usePathname(): string {
  const serverPathname = useContext(ServerPathnameContext);
  return useSyncExternalStore(subscribe, getPathname, () => serverPathname ?? getPathname());
}

let headingFocusPending = false;

/** True once after a client-side navigation: the new page's heading should take the focus. */
export function takeHeadingFocus(): boolean {
  const pending = headingFocusPending;
  headingFocusPending = false;
  return pending;
}

/** Client-side navigation with the history API; scrolls to the top and lets the next page heading take the focus. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  headingFocusPending = true;
  window.scrollTo(0, 0);
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

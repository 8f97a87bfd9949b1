import { useEffect, useState } from 'react';

/** Base path the staff app is served under. */
export const STAFF_BASE = '/staff';

const listeners = new Set<() => void>();

/** Goes to a staff app path without reloading (history API); `state` travels in the history entry, never in the URL. */
export function navigate(path: string, state: unknown = null): void {
  window.history.pushState(state, '', path);
  for (const listener of listeners) listener();
}

/** The current location path + query; re-renders on navigation and on back/forward. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const read = () => ({ path: window.location.pathname, search: new URLSearchParams(window.location.search) });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

import { useEffect, useState } from 'react';

/** Base path the staff app is served under. */
export const STAFF_BASE = '/staff';

const listeners = new Set<() => void>();

/** Goes to a staff app path without reloading (history API). */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
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

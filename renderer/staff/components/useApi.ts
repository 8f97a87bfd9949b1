import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, staffApi } from '../api/staffApi.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ready'; data: T };

/** Loads a GET resource of the staff API; `reload` fetches it again (keeping the current data until it arrives). */
export function useApi<T>(path: string | null): { result: Loaded<T>; reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const loadedPath = useRef<string | null>(null);
  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    // A reload of the same resource keeps showing the current data (forms below keep their state and messages).
    if (loadedPath.current !== path) setResult({ state: 'loading' });
    loadedPath.current = path;
    staffApi
      .get<T>(path)
      .then((data) => {
        if (!cancelled) setResult({ state: 'ready', data });
      })
      .catch((error: unknown) => {
        if (!cancelled) setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      });
    return () => {
      cancelled = true;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { result, reload };
}

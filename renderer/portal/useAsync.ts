import { useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; error: unknown };

/** Runs `load` when `key` changes and tracks its outcome (stale answers are ignored). */
export function useAsync<T>(key: string, load: () => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<{ key: string; value: AsyncState<T> }>({ key, value: { status: 'loading' } });
  useEffect(() => {
    let active = true;
    setState({ key, value: { status: 'loading' } });
    load().then(
      (value) => active && setState({ key, value: { status: 'done', value } }),
      (error: unknown) => active && setState({ key, value: { status: 'failed', error } }),
    );
    return () => {
      active = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` identifies what `load` fetches
  }, [key]);
  return state.key === key ? state.value : { status: 'loading' };
}

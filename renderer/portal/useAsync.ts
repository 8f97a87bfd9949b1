import { useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; error: unknown };

/**
 * Runs `load` when `key` changes and tracks its outcome (stale answers are ignored). With `initial` (what `load`
 * would give for this key, already at hand) it starts done and loads nothing.
 */
export function useAsync<T>(key: string, load: () => Promise<T>, initial?: T): AsyncState<T> {
  const [state, setState] = useState<{ key: string; value: AsyncState<T> }>(() => ({
    key,
    value: initial === undefined ? { status: 'loading' } : { status: 'done', value: initial },
  }));
  useEffect(() => {
    if (initial !== undefined) {
      setState((current) => (current.key === key ? current : { key, value: { status: 'done', value: initial } }));
      return;
    }
    let active = true;
    setState({ key, value: { status: 'loading' } });
    load().then(
      (value) => active && setState({ key, value: { status: 'done', value } }),
      (error: unknown) => active && setState({ key, value: { status: 'failed', error } }),
    );
    return () => {
      active = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` identifies what `load` and `initial` stand for
  }, [key]);
  if (state.key === key) return state.value;
  return initial === undefined ? { status: 'loading' } : { status: 'done', value: initial };
}

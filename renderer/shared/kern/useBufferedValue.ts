import { useCallback, useEffect, useRef, useState } from 'react';
import { usePendingInputs } from './PendingInputs.tsx';

/**
 * Local value of a text control: typing updates only this control; the value goes to rjsf on blur or when the
 * form flushes pending inputs (submit, step change, save). Without a PendingInputs provider every change commits.
 */
export function useBufferedValue(
  id: string,
  value: string,
  commit: (text: string) => void,
): { shown: string; change: (text: string) => void; commitNow: () => void } {
  const pending = usePendingInputs();
  const [draft, setDraft] = useState<string | null>(null);
  const draftRef = useRef<string | null>(null);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  const commitNow = useCallback(() => {
    const text = draftRef.current;
    if (text === null) return;
    draftRef.current = null;
    pending?.delete(id);
    commitRef.current(text);
  }, [id, pending]);

  const change = useCallback(
    (text: string) => {
      if (!pending) {
        commitRef.current(text);
        return;
      }
      draftRef.current = text;
      pending.set(id, commitNow);
      setDraft(text);
    },
    [id, pending, commitNow],
  );

  // Once committed, rjsf's value is the truth again (it may normalise the text, or a reset may replace it).
  useEffect(() => {
    if (draftRef.current === null) setDraft(null);
  }, [value]);

  useEffect(() => () => pending?.delete(id), [id, pending]);

  return { shown: draft ?? value, change, commitNow };
}

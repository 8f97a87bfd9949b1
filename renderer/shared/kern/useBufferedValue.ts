import { useCallback, useEffect, useRef, useState } from 'react';
import { usePendingInputs } from './PendingInputs.tsx';

/**
 * Local value of a text control: typing updates only this control; the value goes to rjsf on blur or when the
 * form flushes pending inputs (submit, step change, save). Without a PendingInputs provider every change commits.
 * rjsf's value is shown as text ('' for none); an empty text is committed as the field's emptyValue.
 */
export function useBufferedValue(
  id: string,
  value: unknown,
  emptyValue: unknown,
  onChange: (value: unknown) => void,
): { shown: string; change: (text: string) => void; commitNow: () => void } {
  const text = value === undefined || value === null ? '' : String(value);
  const pending = usePendingInputs();
  const [draft, setDraft] = useState<string | null>(null);
  const draftRef = useRef<string | null>(null);
  const commit = (next: string) => onChange(next === '' ? emptyValue : next);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  const commitNow = useCallback(() => {
    const buffered = draftRef.current;
    if (buffered === null) return;
    draftRef.current = null;
    pending?.delete(id);
    commitRef.current(buffered);
  }, [id, pending]);

  const change = useCallback(
    (next: string) => {
      if (!pending) {
        commitRef.current(next);
        return;
      }
      draftRef.current = next;
      pending.set(id, commitNow);
      setDraft(next);
    },
    [id, pending, commitNow],
  );

  // Once committed, rjsf's value is the truth again (it may normalise the text, or a reset may replace it).
  useEffect(() => {
    if (draftRef.current === null) setDraft(null);
  }, [text]);

  useEffect(() => () => pending?.delete(id), [id, pending]);

  return { shown: draft ?? text, change, commitNow };
}

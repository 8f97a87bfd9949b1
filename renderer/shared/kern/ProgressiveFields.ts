import { createContext, startTransition, useContext, useEffect, useState } from 'react';

/** Top-level fields in the first commit of a form: more than a screen, so the citizen sees the form at once. */
export const FIRST_FIELDS = 10;
/** Top-level fields added per later commit (one per frame, rendered as a transition in slices of a few ms). */
export const FIELDS_PER_CHUNK = 24;

/**
 * Whether a form renders its top-level fields progressively (false: all in the first commit, e.g. when a field
 * further down is about to take the focus). Only forms with more than FIRST_FIELDS visible fields are affected.
 */
export const ProgressiveFieldsContext = createContext(true);

/**
 * How many of `total` top-level fields to render now: FIRST_FIELDS in the first commit, then FIELDS_PER_CHUNK more
 * per frame until all are there, so a long form paints its first screen fast and no task grows with the field count.
 */
export function useProgressiveCount(total: number, first = FIRST_FIELDS, perChunk = FIELDS_PER_CHUNK): number {
  const progressive = useContext(ProgressiveFieldsContext);
  const [count, setCount] = useState(() => (progressive ? first : Number.POSITIVE_INFINITY));
  useEffect(() => {
    if (count >= total) return;
    // After the next frame (so the fields shown so far are painted first), as a transition in a task of its own.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setCount((current) => current + perChunk)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, total]);
  return Math.min(count, total);
}

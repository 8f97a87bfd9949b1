import { createContext, useContext } from 'react';

/**
 * Text inputs keep what the user types in local state and commit it to rjsf only on blur or before a submit:
 * an rjsf change re-derives the whole form state (defaults, structuredClone), which costs ~15 ms per keystroke
 * at 1000 fields. A form that provides this registry must call `flush()` before it reads the data (KernForm does
 * so in the capture phase of submit). Without a provider every keystroke is committed at once.
 */
export interface PendingInputs {
  /** Registers (or replaces) the commit function of a field with an uncommitted value. */
  set(id: string, commit: () => void): void;
  /** Forgets a field's pending commit (it committed itself, e.g. on blur). */
  delete(id: string): void;
  /** Commits every pending value now. */
  flush(): void;
  /** Tracks a commit that takes time (a chosen file being read); a submit waits until it is in the data. */
  track(work: Promise<unknown>): void;
  /** Settles once every tracked commit has settled; undefined when none is running. */
  whenSettled(): Promise<void> | undefined;
}

/** Creates an empty registry of pending input commits. */
export function createPendingInputs(): PendingInputs {
  const commits = new Map<string, () => void>();
  const running = new Set<Promise<void>>();
  return {
    set: (id, commit) => void commits.set(id, commit),
    delete: (id) => void commits.delete(id),
    flush() {
      const pending = [...commits.values()];
      commits.clear();
      for (const commit of pending) commit();
    },
    track(work) {
      // A failed read leaves the field as it was; the submit then validates and reports it like any missing answer.
      const settled: Promise<void> = work.then(
        () => void running.delete(settled),
        () => void running.delete(settled),
      );
      running.add(settled);
    },
    whenSettled: () => (running.size > 0 ? Promise.all([...running]).then(() => undefined) : undefined),
  };
}

export const PendingInputsContext = createContext<PendingInputs | null>(null);

/** The registry of the surrounding form, or null when inputs should commit on every change. */
export function usePendingInputs(): PendingInputs | null {
  return useContext(PendingInputsContext);
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, staffApi } from '../../api/staffApi.ts';
import type { Draft } from '../../staffTypes.ts';
import type { DraftDefinition } from '../editorTypes.ts';

export type SaveState =
  | { kind: 'saved'; revision: number; updatedAt: string; updatedBy: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; message: string };

const SAVE_DELAY_MS = 800;

/**
 * The draft of a service as the editor works on it: loads it, keeps the definition locally, saves changes after a
 * short pause with the revision they are based on, and turns a stale save (409) into a conflict the user resolves
 * by reloading. `flush` saves at once (before publishing).
 */
export function useDraft(serviceId: string) {
  const path = `/api/v1/staff/editor/services/${encodeURIComponent(serviceId)}/draft`;
  const [definition, setDefinitionState] = useState<DraftDefinition | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'saving' });
  const revision = useRef(0);
  const latest = useRef<DraftDefinition | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const accept = useCallback((draft: Draft) => {
    revision.current = draft.revision;
    setSave({ kind: 'saved', revision: draft.revision, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy });
  }, []);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    try {
      const draft = await staffApi.get<Draft>(path);
      latest.current = draft.definition as DraftDefinition;
      setDefinitionState(draft.definition as DraftDefinition);
      accept(draft);
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error : new Error(String(error)));
    }
  }, [path, accept]);

  useEffect(() => {
    void load();
    return () => clearTimeout(timer.current);
  }, [load]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (!dirty.current || !latest.current) return true;
    dirty.current = false;
    setSave({ kind: 'saving' });
    const attempt = staffApi
      .put<Draft>(path, { definition: latest.current, revision: revision.current })
      .then((draft) => {
        // A change made while this save was in flight is not in it: keep showing it as unsaved.
        if (dirty.current) {
          revision.current = draft.revision;
          setSave((current) => (current.kind === 'conflict' ? current : { kind: 'pending' }));
        } else accept(draft);
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'DRAFT_CONFLICT') {
          setSave({ kind: 'conflict', message: 'Jemand anderes hat den Entwurf inzwischen geändert. Laden Sie den aktuellen Stand neu; Ihre letzte Änderung wird dabei verworfen.' });
        } else {
          dirty.current = true;
          setSave({ kind: 'failed', message: 'Speichern fehlgeschlagen. Die Änderung bleibt im Browser erhalten; es wird erneut versucht.' });
        }
        return false;
      });
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    return ok;
  }, [path, accept]);

  useEffect(
    () => () => {
      // Leaving the page: save what is pending instead of dropping it.
      if (dirty.current) void saveNow();
    },
    [saveNow],
  );

  const setDefinition = useCallback(
    (next: DraftDefinition) => {
      latest.current = next;
      dirty.current = true;
      setDefinitionState(next);
      setSave((current) => (current.kind === 'conflict' ? current : { kind: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    },
    [saveNow],
  );

  return { definition, setDefinition, save, loadError, reload: load, flush: saveNow, revision };
}

import { useEffect, useState } from 'react';
import { staffApi } from '../../api/staffApi.ts';
import type { DefinitionCheck } from '../../staffTypes.ts';

const CHECK_DELAY_MS = 400;

/**
 * Checks the definition on the server as the editor types (debounced): meta-schema, safe-schema rules, steps, and
 * the diff against the latest published version. The browser cannot compile ajv under the app's CSP.
 */
export function useDefinitionCheck(serviceId: string, definition: unknown): { check: DefinitionCheck | null; checking: boolean; failed: boolean } {
  const [check, setCheck] = useState<DefinitionCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (definition === null || definition === undefined) return;
    let cancelled = false;
    setChecking(true);
    const timer = setTimeout(() => {
      staffApi
        .post<DefinitionCheck>('/api/v1/staff/editor/check', { serviceId, definition })
        .then((result) => {
          if (cancelled) return;
          setCheck(result);
          setFailed(false);
        })
        .catch(() => {
          if (!cancelled) setFailed(true);
        })
        .finally(() => {
          if (!cancelled) setChecking(false);
        });
    }, CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [serviceId, definition]);
  return { check, checking, failed };
}

import type { ReactNode } from 'react';
import { ApiError } from '../api/staffApi.ts';
import type { Loaded } from './useApi.ts';
import { Alert } from './Alert.tsx';

/** Renders loading and error states of a Loaded value, or the children with the data. */
export function LoadState<T>({ loaded, children, notFound }: { loaded: Loaded<T>; children: (data: T) => ReactNode; notFound?: string }) {
  if (loaded.state === 'loading') {
    return (
      <p className="kern-body" role="status">
        Wird geladen …
      </p>
    );
  }
  if (loaded.state === 'error') {
    const error = loaded.error;
    if (error instanceof ApiError && error.status === 404) {
      return (
        <Alert kind="warning" title="Nicht gefunden">
          <p className="kern-body">{notFound ?? 'Die angeforderten Daten gibt es nicht oder Sie haben keinen Zugriff darauf.'}</p>
        </Alert>
      );
    }
    if (error instanceof ApiError && error.status === 403) {
      return (
        <Alert kind="warning" title="Keine Berechtigung">
          <p className="kern-body">Ihre Rolle erlaubt diese Seite nicht.</p>
        </Alert>
      );
    }
    return (
      <Alert kind="danger" title="Laden fehlgeschlagen">
        <p className="kern-body">Die Daten konnten nicht geladen werden. Bitte versuchen Sie es erneut.</p>
      </Alert>
    );
  }
  return <>{children(loaded.data)}</>;
}

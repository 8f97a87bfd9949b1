import { StrictMode } from 'react';
import { PortalApp } from './PortalApp.tsx';
import { PreloadedFormContext, type PreloadedForm } from './PreloadedForm.ts';
import { ServerPathnameContext } from './routing.ts';

/** Logged when the browser's first render does not match the server's HTML (React then renders that part anew). */
export const HYDRATION_MISMATCH_LOG = 'kreisform: server HTML not hydrated:';

/**
 * The portal app as the browser and the server both render it: one tree, so the browser hydrates the server's
 * HTML. `pathname` is the request's (server only); `preloadedForm` the form the page came with.
 */
export function PortalRoot({ pathname, preloadedForm }: { pathname?: string; preloadedForm?: PreloadedForm }) {
  return (
    <StrictMode>
      <ServerPathnameContext.Provider value={pathname}>
        <PreloadedFormContext.Provider value={preloadedForm}>
          <PortalApp />
        </PreloadedFormContext.Provider>
      </ServerPathnameContext.Provider>
    </StrictMode>
  );
}

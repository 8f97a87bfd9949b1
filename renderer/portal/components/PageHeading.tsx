import { useEffect, useLayoutEffect } from 'react';
import type { ReactNode } from 'react';
import { usePortal } from '../PortalContext.ts';
import { takeHeadingFocus } from '../routing.ts';

export const PAGE_HEADING_ID = 'kf-seitentitel';

/**
 * The page's h1; sets the document title ("<title> – <portal name>"). After a client-side navigation the focus
 * moves here so screen readers announce the new page.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { participant } = usePortal();
  useEffect(() => {
    document.title = `${title} – ${participant.portalName}`;
  }, [title, participant.portalName]);
  // A layout effect: the focus moves in the commit that shows the page, so no key press lands in between.
  useLayoutEffect(() => {
    if (takeHeadingFocus()) document.getElementById(PAGE_HEADING_ID)?.focus();
  }, []);
  return (
    <h1 className="kern-heading-large" id={PAGE_HEADING_ID} tabIndex={-1}>
      {children}
    </h1>
  );
}

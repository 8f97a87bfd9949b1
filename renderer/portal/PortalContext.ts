import { createContext, useContext } from 'react';
import type { Participant } from '../../engine/participants.ts';

export interface PortalContextValue {
  participant: Participant;
}

export const PortalContext = createContext<PortalContextValue | null>(null);

/** The participant whose portal is shown. */
export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside of a PortalContext provider');
  return value;
}

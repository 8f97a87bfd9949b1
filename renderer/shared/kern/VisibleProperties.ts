import { createContext } from 'react';

/**
 * The top-level properties shown right now (the current step of a multi-step form); null shows all. The form
 * keeps the whole schema (one precompiled validator, one rjsf state) and only the root template filters.
 */
export const VisiblePropertiesContext = createContext<ReadonlySet<string> | null>(null);

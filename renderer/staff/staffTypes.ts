/**
 * Shapes of the staff API's answers, taken from the contract module (type-only imports, erased by the bundler),
 * so the JSON contract is written once: see contract/staffApi.ts.
 */
import type { CatalogueEntry as ServerCatalogueEntry } from '../../contract/staffApi.ts';
import type { DefinitionChange } from '../../engine/index.ts';

export type { DefinitionCheck, ServiceSummary, VersionSummary } from '../../contract/staffApi.ts';
export type { EditorDraft as Draft } from '../../contract/staffApi.ts';
export type { LocalDetails } from '../../contract/staffApi.ts';

/** A catalogue entry; the single-entry answer also lists the changes up to the newer major version. */
export type CatalogueEntry = ServerCatalogueEntry & { newerMajorChanges?: DefinitionChange[] };

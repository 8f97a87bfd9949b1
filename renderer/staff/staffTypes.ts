/**
 * Shapes of the staff API's answers, taken from the server (type-only imports, erased by the bundler),
 * so the JSON contract is written once: see server/usecases/createEditorUseCases.ts and createOfferingUseCases.ts.
 */
import type { CatalogueEntry as ServerCatalogueEntry } from '../../server/usecases/createOfferingUseCases.ts';
import type { DefinitionChange } from '../../engine/index.ts';

export type { DefinitionCheck, ServiceSummary, VersionSummary } from '../../server/usecases/createEditorUseCases.ts';
export type { EditorDraft as Draft } from '../../server/storage/EditorDraftRepository.ts';
export type { LocalDetails } from '../../server/storage/LocalDetailsRepository.ts';

/** A catalogue entry; the single-entry answer also lists the changes up to the newer major version. */
export type CatalogueEntry = ServerCatalogueEntry & { newerMajorChanges?: DefinitionChange[] };

/**
 * Public API of the kreisform engine (pure TypeScript; bundles for the browser). Type generation
 * (json-schema-to-typescript, Node only) is imported directly from engine/generateTypes.ts.
 */
export type { FormDefinition, Lead, ParticipantSlug, Step, ChangelogEntry, Source } from './generated/FormDefinition.ts';
export { PARTICIPANTS, getParticipant, isParticipantSlug, type Participant } from './participants.ts';
export { canonicalJson } from './canonicalJson.ts';
export { germanFormats, type StringFormat } from './germanFormats.ts';
export { isIban } from './isIban.ts';
export { isSteuerId } from './isSteuerId.ts';
export { isPastDate } from './isPastDate.ts';
export { isIsoDate } from './isIsoDate.ts';
export { isDataUrl } from './isDataUrl.ts';
export { isDePhone } from './isDePhone.ts';
export { todayInGermany } from './todayInGermany.ts';
export { createAjv } from './createAjv.ts';
export { toValidationErrors, type ValidationError } from './toValidationErrors.ts';
export {
  createFormValidator,
  type FormValidator,
  type ValidationResult,
  type ValidatableDefinition,
} from './createFormValidator.ts';
export { createDraftValidator, type DraftValidator } from './createDraftValidator.ts';
export { createDraftSchema } from './createDraftSchema.ts';
export { resolveServedVersion, type Enablement, type ServedVersionResult } from './resolveServedVersion.ts';
export { parseVersionPolicy, type VersionPolicy } from './parseVersionPolicy.ts';
export { isVersionPolicy } from './isVersionPolicy.ts';
export { DefinitionError, type DefinitionProblem } from './DefinitionError.ts';
export { checkDefinition, MAX_DEFINITION_SIZE } from './checkDefinition.ts';
export { checkDataSchema, MAX_DEPTH } from './checkDataSchema.ts';
export { assertDefinition } from './assertDefinition.ts';
export { diffDefinitions, type DefinitionChange, type Bump } from './diffDefinitions.ts';
export { requiredBump, bumpRank } from './requiredBump.ts';
export { checkVersionBump } from './checkVersionBump.ts';
export { checkCatalogue, lockKey, lockValue, type CatalogueFile, type CatalogueInput, type CatalogueProblem } from './checkCatalogue.ts';
export { parseSafeText, checkSafeText, isAllowedHref, type SafeBlock, type SafeInline, type SafeTextProblem } from './safeText.ts';
export {
  UPLOAD_KEYWORD,
  UPLOAD_TYPES,
  MAX_UPLOAD_BYTES,
  addUploadKeyword,
  readUploadSpec,
  findFieldSchema,
  collectUploadRefs,
  hasUploadFields,
  expandUploadSpec,
  describeUploadTypes,
  type UploadSpec,
  type UploadRef,
} from './uploadField.ts';
export { formatFileSize } from './formatFileSize.ts';
export * from './payments/index.ts';

/**
 * Contract between the server's validator module generator and the browser loader. A validator module is an ES
 * module whose default export is `(require) => Record<schemaKey, validateFunction>`; `require(name)` is answered
 * from VALIDATOR_RUNTIME. The formats object (ajv-formats' full formats plus the engine's German formats) is
 * looked up under this name.
 */
export const VALIDATOR_FORMATS_MODULE = 'kreisform/validator-formats';

/** URL path of the precompiled validator module of one served definition version. */
export function getValidatorModulePath(service: string, version: string): string {
  return `/api/v1/validators/${encodeURIComponent(service)}/${encodeURIComponent(version)}.js`;
}

import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { schemaParser, type RJSFSchema } from '@rjsf/utils';
import { germanFormats } from '../../engine/germanFormats.ts';
import { addUploadKeyword } from '../../engine/uploadField.ts';
import { VALIDATOR_FORMATS_MODULE } from '../../renderer/shared/validation/validatorModuleContract.ts';

/**
 * Generates the browser validator module of one data schema: ajv standalone code (Ajv 2020-12, all errors,
 * ajv-formats + the engine's German formats) for the schema and every sub-schema rjsf validates separately
 * (`schemaParser`: oneOf/anyOf options, if/then), keyed as @rjsf/validator-ajv8's createPrecompiledValidator
 * expects. ajv's ESM output still calls `require()` for its runtime helpers and the formats; those calls are
 * rewritten to a `require` parameter, so the module is a factory `export default (require) => validateFns` that
 * the portal feeds from its bundle (renderer/shared/validation/validatorRuntime.ts). No bundler at run time, no
 * eval in the browser.
 */
export function createValidatorModuleSource(schema: RJSFSchema): string {
  const schemas = Object.values(schemaParser(schema));
  const ajv = new Ajv2020({
    allErrors: true,
    allowUnionTypes: true,
    strict: false,
    multipleOfPrecision: 8,
    schemas,
    code: {
      source: true,
      esm: true,
      lines: false,
      optimize: true,
      formats: _`require(${VALIDATOR_FORMATS_MODULE}).formats`,
    },
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(germanFormats)) ajv.addFormat(name, format);
  addUploadKeyword(ajv);
  const esm = standaloneCode(ajv, Object.fromEntries(schemas.map((entry) => [toExportName(String(entry.$id)), String(entry.$id)])));
  return toFactoryModule(esm, schemas.map((entry) => String(entry.$id)));
}

/** rjsf's schema keys ('-6bfdb03') are no JavaScript identifiers; exports get 'v_' + a safe form of the key. */
function toExportName(key: string): string {
  return `v_${key.replace(/[^A-Za-z0-9_$]/g, (char) => `$${char.charCodeAt(0).toString(16)}`)}`;
}

/**
 * Turns ajv's ESM standalone output (`export const v_x = validate10; ... require("...") ...`) into a factory:
 * `export default function (require) { ...code...; return { "<key>": v_x, ... }; }`.
 */
function toFactoryModule(esm: string, keys: string[]): string {
  const body = esm.replace(/^"use strict";/, '').replace(/export const (v_[A-Za-z0-9_$]+) = /g, 'const $1 = ');
  if (/\bexport\b/.test(body.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) {
    throw new Error('createValidatorModuleSource: unexpected export in ajv standalone output');
  }
  const mapping = keys.map((key) => `${JSON.stringify(key)}: ${toExportName(key)}`).join(', ');
  return `"use strict";\nexport default function createValidateFunctions(require) {\n${body}\nreturn { ${mapping} };\n}\n`;
}

import { Ajv2020 } from 'ajv/dist/2020.js';
import { _ } from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { schemaParser, type RJSFSchema } from '@rjsf/utils';
import { germanFormats } from '../../engine/germanFormats.ts';
import { linearRegExpEngine } from '../../engine/createLinearRegExp.ts';
import { addUploadKeyword } from '../../engine/uploadField.ts';
import { VALIDATOR_FORMATS_MODULE } from '../../renderer/shared/validation/validatorModuleContract.ts';

/**
 * Generates the browser validator module of one data schema: ajv standalone code (Ajv 2020-12, all errors,
 * ajv-formats + the engine's German formats) for the schema and every sub-schema rjsf validates separately
 * (`schemaParser`: oneOf/anyOf options, if/then) with the server's linear-time pattern engine, keyed as
 * @rjsf/validator-ajv8's createPrecompiledValidator expects. ajv's CommonJS output (`exports.v_x = validate10`,
 * `require("...")` for its runtime helpers, the formats and the pattern engine) becomes the body of a factory
 * `export default function (require) { const exports = {}; ...; return { key: exports.v_x } }`, so the portal feeds
 * `require` from its bundle (renderer/shared/validation/validatorRuntime.ts). The code is wrapped, never rewritten,
 * so any property name (`export`, `default`, quotes, unicode) stays valid. No bundler at run time, no eval in the
 * browser.
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
      lines: false,
      optimize: true,
      formats: _`require(${VALIDATOR_FORMATS_MODULE}).formats`,
      regExp: linearRegExpEngine,
    },
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(germanFormats)) ajv.addFormat(name, format);
  addUploadKeyword(ajv);
  const keys = schemas.map((entry) => String(entry.$id));
  const exportNames = keys.map((key, index) => `v${index}`);
  const commonJs = standaloneCode(ajv, Object.fromEntries(keys.map((key, index) => [exportNames[index], key])));
  const mapping = keys.map((key, index) => `${JSON.stringify(key)}: exports.${exportNames[index]}`).join(', ');
  return `export default function createValidateFunctions(require) {\nconst exports = {};\n${commonJs}\nreturn { ${mapping} };\n}\n`;
}

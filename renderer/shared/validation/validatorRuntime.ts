import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import * as equalModule from 'ajv/dist/runtime/equal.js';
import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { germanFormats } from '../../../engine/germanFormats.ts';
import { createLinearRegExp, LINEAR_REGEXP_MODULE } from '../../../engine/createLinearRegExp.ts';
import { VALIDATOR_FORMATS_MODULE } from '../../../contract/validatorModuleContract.ts';
import { localizeGerman } from './localizeGerman.ts';

// What validation needs in the browser besides the validator module itself (ajv's runtime helpers, the format
// checks, the linear-time pattern engine, German messages). The portal loads this module lazily, beside the
// validator module (loadPrecompiledValidator.ts): none of it is needed to paint the form.

/**
 * The default export of a CommonJS module, however the bundler or Node wrapped it (namespace -> module.exports ->
 * exports.default). Stops at a self-reference: fast-uri's export is an object whose `default` is itself.
 */
function cjsDefault(module: unknown): unknown {
  let value = module;
  for (let depth = 0; depth < 4; depth++) {
    if (!value || typeof value !== 'object' || !('default' in value)) break;
    const next = (value as { default: unknown }).default;
    if (next === value) break;
    value = next;
  }
  return value;
}

/**
 * What the `require()` calls inside a precompiled validator module resolve to. The server generates the module
 * from ajv's standalone code; it references ajv's small runtime helpers and the format checks by these names,
 * and this map supplies them from the portal bundle, so the module itself stays small and needs no bundler.
 * ajv's `uri` (fast-uri) and `validation_error` helpers are left out: only $ref resolution at compile time and
 * $async schemas use them, and neither occurs in generated validation code of our definitions (a module that
 * asked for them would fail loudly in requireFromRuntime).
 */
export const VALIDATOR_RUNTIME: Readonly<Record<string, unknown>> = {
  'ajv/dist/runtime/equal': { default: cjsDefault(equalModule) },
  'ajv/dist/runtime/ucs2length': { default: cjsDefault(ucs2lengthModule) },
  [VALIDATOR_FORMATS_MODULE]: { formats: { ...fullFormats, ...germanFormats } },
  // Patterns run on the same linear-time engine as on the server, so portal and server agree on every pattern.
  [LINEAR_REGEXP_MODULE]: { createLinearRegExp },
};

/** The `require` handed to validator modules: answers from VALIDATOR_RUNTIME, throws for anything else. */
export function requireFromRuntime(name: string): unknown {
  const runtimeModule = VALIDATOR_RUNTIME[name];
  if (runtimeModule === undefined) throw new Error(`Validator module requires unknown runtime module "${name}"`);
  return runtimeModule;
}

/**
 * The rjsf validator from a schema's precompiled functions: no ajv compiler in the browser (so no `new Function`,
 * CSP-safe), German messages. `schema` must be the exact schema given to <Form>.
 */
export function createGermanValidator(validateFns: ValidatorFunctions, schema: RJSFSchema): ValidatorType {
  return createPrecompiledValidator(validateFns, schema, localizeGerman);
}

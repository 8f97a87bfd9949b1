import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { localizeGerman } from './localizeGerman.ts';
import { VALIDATOR_RUNTIME } from './validatorRuntime.ts';
import { getValidatorModulePath } from '../../../contract/validatorModuleContract.ts';
import { importValidatorModule } from './importValidatorModule.ts';

type ValidatorModuleFactory = (require: (name: string) => unknown) => ValidatorFunctions;

/** The `require` handed to validator modules: answers from VALIDATOR_RUNTIME, throws for anything else. */
export function requireFromRuntime(name: string): unknown {
  const runtimeModule = VALIDATOR_RUNTIME[name];
  if (runtimeModule === undefined) throw new Error(`Validator module requires unknown runtime module "${name}"`);
  return runtimeModule;
}

/**
 * Has V8 compile the validator functions once the page is idle: V8 compiles a function on its first call, which for
 * the one large function of a 1000-field form takes about 100 ms, and that should not happen between the citizen's
 * Enter and the review page. (Chromium's eager compile hint would instead delay the form's first paint.)
 */
export function warmUpWhenIdle(validateFns: ValidatorFunctions): ValidatorFunctions {
  const warmUp = () => {
    for (const validate of Object.values(validateFns)) {
      try {
        validate({});
      } catch {
        // Only compilation matters here; the result is thrown away.
      }
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warmUp, { timeout: 3000 });
  else setTimeout(warmUp, 1000);
  return validateFns;
}

const cache = new Map<string, Promise<ValidatorFunctions>>();

/** Loads (once per service@version) the server's precompiled validator functions for a served definition. */
export function loadValidatorFunctions(service: string, version: string): Promise<ValidatorFunctions> {
  const key = `${service}@${version}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = importValidatorModule(getValidatorModulePath(service, version)).then((module) =>
      warmUpWhenIdle((module as { default: ValidatorModuleFactory }).default(requireFromRuntime)),
    );
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/**
 * Builds the rjsf validator for a served definition from its precompiled functions: no ajv compiler in the
 * browser (so no `new Function`, CSP-safe), German messages. `schema` must be the exact schema given to <Form>.
 */
export async function loadPrecompiledValidator(
  service: string,
  version: string,
  schema: RJSFSchema,
): Promise<ValidatorType> {
  const validateFns = await loadValidatorFunctions(service, version);
  return createPrecompiledValidator(validateFns, schema, localizeGerman);
}

import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { getValidatorModulePath } from '../../../contract/validatorModuleContract.ts';
import { importValidatorModule } from './importValidatorModule.ts';

type ValidatorModuleFactory = (require: (name: string) => unknown) => ValidatorFunctions;

/**
 * The validation runtime (validatorRuntime.ts: ajv helpers, formats, the linear-time pattern engine, German
 * messages) as a chunk of its own, loaded beside the validator module: it is not needed to paint the form.
 */
export function loadValidatorRuntime(): Promise<typeof import('./validatorRuntime.ts')> {
  return import('./validatorRuntime.ts');
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

/** Loads (once per URL) a precompiled validator module and the runtime it requires; its validator functions. */
export function loadValidatorFunctionsFrom(url: string): Promise<ValidatorFunctions> {
  let pending = cache.get(url);
  if (!pending) {
    pending = Promise.all([importValidatorModule(url), loadValidatorRuntime()]).then(([module, runtime]) =>
      warmUpWhenIdle((module as { default: ValidatorModuleFactory }).default(runtime.requireFromRuntime)),
    );
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** Loads (once per service@version) the server's precompiled validator functions for a served definition. */
export function loadValidatorFunctions(service: string, version: string): Promise<ValidatorFunctions> {
  return loadValidatorFunctionsFrom(getValidatorModulePath(service, version));
}

/** The rjsf validator (precompiled, German messages) from the validator module at `url`; see loadPrecompiledValidator. */
export async function loadPrecompiledValidatorFrom(url: string, schema: RJSFSchema): Promise<ValidatorType> {
  const [validateFns, runtime] = await Promise.all([loadValidatorFunctionsFrom(url), loadValidatorRuntime()]);
  return runtime.createGermanValidator(validateFns, schema);
}

/**
 * Builds the rjsf validator for a served definition from its precompiled functions: no ajv compiler in the
 * browser (so no `new Function`, CSP-safe), German messages. `schema` must be the exact schema given to <Form>.
 */
export function loadPrecompiledValidator(service: string, version: string, schema: RJSFSchema): Promise<ValidatorType> {
  return loadPrecompiledValidatorFrom(getValidatorModulePath(service, version), schema);
}

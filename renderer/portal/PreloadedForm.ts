import { createContext } from 'react';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { loadPrecompiledValidator } from '../shared/validation/loadPrecompiledValidator.ts';
import { createDeferredValidator, needsValidatorToRender, type DeferredValidator } from '../shared/validation/deferredValidator.ts';
import type { ServedDefinition } from './portalApi.ts';

/** A served definition with its validator, ready for the form's first render. */
export interface PreloadedForm {
  definition: ServedDefinition;
  validator: DeferredValidator;
}

/**
 * The form the page was served with, prepared before the app's first render: the form page renders it at once, so
 * the browser's first render matches the server's HTML.
 */
export const PreloadedFormContext = createContext<PreloadedForm | undefined>(undefined);

/**
 * Prepares a form for its first render: a validator that loads on demand (the first step paints before it: rjsf
 * needs it only on submit, KernForm starts it after its first paint), awaited here only when the schema's rendering
 * itself asks it.
 */
export async function prepareForm(definition: ServedDefinition, loadValidator: () => Promise<ValidatorType>): Promise<PreloadedForm> {
  const validator = createDeferredValidator(loadValidator);
  if (needsValidatorToRender(definition.schema)) await validator.start();
  return { definition, validator };
}

/** prepareForm for a served definition in the browser: its validator is the server's precompiled module. */
export function prepareServedForm(definition: ServedDefinition): Promise<PreloadedForm> {
  return prepareForm(definition, () => loadPrecompiledValidator(definition.id, definition.version, definition.schema as RJSFSchema));
}

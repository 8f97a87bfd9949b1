import type { ErrorObject } from 'ajv';
import { toValidationErrors } from '../../../engine/toValidationErrors.ts';

/**
 * Localizer for @rjsf/validator-ajv8: replaces each ajv message with the engine's German text, so the browser
 * shows exactly what the server would answer for the same data.
 */
export function localizeGerman(errors?: null | ErrorObject[]): void {
  if (!errors) return;
  for (const error of errors) {
    const [converted] = toValidationErrors([error]);
    error.message = converted?.message ?? 'Bitte prüfen Sie Ihre Angaben in diesem Bereich.';
  }
}

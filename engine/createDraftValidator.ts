import { createDraftSchema } from './createDraftSchema.ts';
import { createFormValidator, type FormValidator, type ValidatableDefinition, type ValidationResult } from './createFormValidator.ts';

/** Checks citizens' unfinished drafts against the shape of their form (createDraftSchema). */
export interface DraftValidator {
  validate(definition: ValidatableDefinition, data: unknown): ValidationResult;
}

/**
 * Creates the draft validator: its own Ajv instance (createFormValidator), each definition's draft schema derived
 * and compiled once.
 */
export function createDraftValidator(validator: FormValidator = createFormValidator()): DraftValidator {
  const drafts = new WeakMap<ValidatableDefinition, ValidatableDefinition>();
  return {
    validate(definition, data) {
      let draft = drafts.get(definition);
      if (draft === undefined) {
        draft = { id: definition.id, version: definition.version, schema: createDraftSchema(definition.schema) as ValidatableDefinition['schema'] };
        drafts.set(definition, draft);
      }
      return validator.validate(draft, data);
    },
  };
}

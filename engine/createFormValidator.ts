import type { AnySchemaObject, ValidateFunction } from 'ajv';
import { canonicalJson } from './canonicalJson.ts';
import { checkDataSchema } from './checkDataSchema.ts';
import { createAjv } from './createAjv.ts';
import { createInputGuards } from './createInputGuards.ts';
import { DefinitionError } from './DefinitionError.ts';
import type { FormDefinition } from './generated/FormDefinition.ts';
import { toValidationErrors, type ValidationError } from './toValidationErrors.ts';

export type { ValidationError } from './toValidationErrors.ts';

/** At most this many errors are described; a body with 200,000 unknown keys must not produce a 15 MiB answer. */
export const MAX_VALIDATION_ERRORS = 100;

/**
 * Outcome of validating submitted data: data, never an exception. `errors` is empty when valid and holds at most
 * MAX_VALIDATION_ERRORS entries; `errorCount` is the number of problems found in all.
 */
export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
  errorCount: number;
}

/** The part of a definition the validator needs. */
export type ValidatableDefinition = Pick<FormDefinition, 'id' | 'version' | 'schema'>;

export interface FormValidator {
  /** Validates `data` against the definition's data schema; German messages per field. */
  validate(definition: ValidatableDefinition, data: unknown): ValidationResult;
  /** How many schemas this validator has compiled (one per id@version and schema content). */
  readonly compiledCount: number;
}

interface CompiledEntry {
  readonly validate: ValidateFunction;
  /** Canonical JSON of the compiled schema: a different schema under the same id@version recompiles. */
  readonly schemaText: string;
  readonly compiledSchema: AnySchemaObject;
}

const VALID: ValidationResult = Object.freeze({ valid: true, errors: Object.freeze([]) as unknown as ValidationError[], errorCount: 0 });

/**
 * Creates the submission validator: ONE Ajv 2020-12 instance (strict, allErrors, ajv-formats, German formats),
 * each definition compiled once. Lookups go first by the definition object's identity (WeakMap, the hot path),
 * then by `${id}@${version}`; a definition object seen for the first time is compared by its schema's canonical
 * JSON, so an edited draft under the same version is recompiled rather than validated against a stale schema.
 * Unknown properties are rejected because checkDefinition requires `additionalProperties: false` on every
 * object schema (checked again here before compiling). Patterns and formats are skipped for strings far beyond
 * their maxLength (createInputGuards), so an over-long input cannot make a regular expression work hard. Throws a DefinitionError only for an unsafe or
 * uncompilable schema (a configuration error, not a citizen's mistake). Treat definitions as immutable (a
 * schema mutated in place after its first validation is not noticed); the result of a valid call is one shared
 * frozen object.
 */
export function createFormValidator(): FormValidator {
  const guards = createInputGuards();
  const ajv = createAjv(guards);
  const byObject = new WeakMap<object, ValidateFunction>();
  const byKey = new Map<string, CompiledEntry>();
  let compiledCount = 0;

  function compile(definition: ValidatableDefinition): ValidateFunction {
    const key = `${definition.id}@${definition.version}`;
    const schemaText = canonicalJson(definition.schema);
    const cached = byKey.get(key);
    if (cached && cached.schemaText === schemaText) return cached.validate;
    // Never compile an unsafe schema, even when the caller skipped checkDefinition.
    const problems = checkDataSchema(definition.schema, '/schema');
    if (problems.length > 0) throw new DefinitionError(key, problems);
    if (cached) ajv.removeSchema(cached.compiledSchema);
    // A root $id would clash between versions in the one instance; refs are local ('#/...') anyway.
    const { $id: _ignoredId, ...compiledSchema } = definition.schema as AnySchemaObject;
    guards.registerSchema(compiledSchema);
    const validate = ajv.compile(compiledSchema);
    compiledCount++;
    byKey.set(key, { validate, schemaText, compiledSchema });
    return validate;
  }

  return {
    validate(definition, data) {
      let validate = byObject.get(definition);
      if (validate === undefined) {
        validate = compile(definition);
        byObject.set(definition, validate);
      }
      if (validate(data)) return VALID;
      const found = validate.errors ?? [];
      let errorCount = 0;
      for (const error of found) if (error.keyword !== 'if') errorCount++;
      return { valid: false, errors: toValidationErrors(found, MAX_VALIDATION_ERRORS), errorCount };
    },
    get compiledCount() {
      return compiledCount;
    },
  };
}

import type { RJSFSchema, ValidatorType } from '@rjsf/utils';

type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matchesType(type: unknown, value: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((entry) => {
    switch (entry) {
      case 'object':
        return isObject(value);
      case 'array':
        return Array.isArray(value);
      case 'integer':
        return Number.isInteger(value);
      case 'null':
        return value === null;
      default:
        return typeof value === entry;
    }
  });
}

/**
 * Evaluates the subset of JSON Schema that rjsf needs to pick `if/then/else` branches and `oneOf` options
 * (type, const, enum, required, properties, length and number limits, allOf/anyOf/oneOf/not). Anything else
 * counts as satisfied, which is the right default for a preview.
 */
export function matchesSchema(schema: unknown, value: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false || !isObject(schema)) return false;
  if (schema.type !== undefined && !matchesType(schema.type, value)) return false;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((entry) => JSON.stringify(entry) === JSON.stringify(value))) return false;
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
  }
  if (isObject(value)) {
    if (Array.isArray(schema.required) && schema.required.some((name) => typeof name === 'string' && value[name] === undefined)) return false;
    if (isObject(schema.properties)) {
      for (const [name, property] of Object.entries(schema.properties)) {
        if (value[name] !== undefined && !matchesSchema(property, value[name])) return false;
      }
    }
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((entry) => matchesSchema(entry, value))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((entry) => matchesSchema(entry, value))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((entry) => matchesSchema(entry, value)).length !== 1) return false;
  if ('not' in schema && matchesSchema(schema.not, value)) return false;
  return true;
}

/**
 * An rjsf validator for previews and read-only views of definitions that have no precompiled validator (a draft
 * changes with every keystroke, and the staff app's CSP forbids compiling ajv in the browser). It resolves
 * conditions so the form shows the right fields; it reports no errors: the server checks definitions and
 * validates submissions.
 */
export function createPreviewValidator(): ValidatorType {
  return {
    validateFormData: () => ({ errors: [], errorSchema: {} }),
    isValid: (schema: RJSFSchema, formData: unknown) => matchesSchema(schema, formData ?? {}),
    rawValidation: () => ({ errors: [] }),
  };
}

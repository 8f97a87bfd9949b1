/** Where JSON Schema 2020-12 keeps sub-schemas, for walkers over a schema's tree. */

/** Keywords whose value is a map of name -> schema. */
export const SCHEMA_MAPS = ['properties', '$defs', 'definitions', 'dependentSchemas'] as const;
/** Keywords whose value is one schema. */
export const SCHEMA_SINGLES = [
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
] as const;
/** Keywords whose value is a list of schemas. */
export const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;

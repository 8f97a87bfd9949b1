/** A fragment of the OpenAPI document: path items keyed by full path, plus component schemas they reference. */
export interface OpenApiPaths {
  paths: Record<string, Record<string, unknown>>;
  schemas?: Record<string, unknown>;
}

/** A JSON error answer with the given description, referencing the shared Error schema. */
export function errorResponse(description: string): Record<string, unknown> {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

/** A JSON answer with a schema. */
export function jsonResponse(description: string, schema: Record<string, unknown>): Record<string, unknown> {
  return { description, content: { 'application/json': { schema } } };
}

/** A path parameter. */
export function pathParameter(name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Record<string, unknown> {
  return { name, in: 'path', required: true, description, schema };
}

/** A query parameter. */
export function queryParameter(name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Record<string, unknown> {
  return { name, in: 'query', required: false, description, schema };
}

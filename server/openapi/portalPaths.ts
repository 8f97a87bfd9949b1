import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const tenant = pathParameter('tenant', 'Participant slug, e.g. erkelenz.');
const service = pathParameter('service', 'Service id, e.g. hundesteuer-anmeldung.');

/** Portal routes: save and resume drafts, barrier reports, precompiled browser validators. */
export const portalPaths: OpenApiPaths = {
  paths: {
    '/api/v1/tenants/{tenant}/services/{service}/drafts': {
      post: {
        operationId: 'saveDraft',
        tags: ['public'],
        summary: 'Save unfinished answers without an account; answers a resume code (stored only as a hash), 30 days',
        parameters: [tenant, service],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['data'], additionalProperties: false, properties: { data: { type: 'object' } } } } },
        },
        responses: {
          201: jsonResponse('Saved', { $ref: '#/components/schemas/SavedDraft' }),
          404: errorResponse('TENANT_NOT_FOUND or SERVICE_NOT_FOUND'),
          422: errorResponse('INVALID_DRAFT'),
        },
      },
    },
    '/api/v1/tenants/{tenant}/drafts/resume': {
      post: {
        operationId: 'resumeDraft',
        tags: ['public'],
        summary: 'Load a saved draft by its code (in the body, never in a URL); carried over to a newer compatible version',
        parameters: [tenant],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 100 } } } } },
        },
        responses: {
          200: jsonResponse('The draft', { $ref: '#/components/schemas/ResumedDraft' }),
          404: errorResponse('INVALID_RESUME_CODE (unknown, expired or another participant) or SERVICE_NOT_FOUND'),
          410: errorResponse('DRAFT_OUTDATED: the participant now serves another major version'),
        },
      },
    },
    '/api/v1/tenants/{tenant}/accessibility-feedback': {
      post: {
        operationId: 'reportBarrier',
        tags: ['public'],
        summary: 'Report an accessibility barrier (BITV NRW feedback channel), no account',
        parameters: [tenant],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['message'],
                additionalProperties: false,
                properties: { message: { type: 'string', minLength: 10, maxLength: 5000 }, page: { type: 'string', maxLength: 500 }, email: { type: 'string', format: 'email' } },
              },
            },
          },
        },
        responses: {
          201: jsonResponse('Stored', { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }),
          404: errorResponse('TENANT_NOT_FOUND'),
          422: errorResponse('INVALID_FEEDBACK'),
        },
      },
    },
    '/api/v1/validators/{service}/{file}': {
      get: {
        operationId: 'getValidatorModule',
        tags: ['public'],
        summary: 'Precompiled browser validator of a published version (JavaScript module, immutable)',
        parameters: [service, pathParameter('file', 'The version with .js, e.g. 1.1.0.js.')],
        responses: {
          200: { description: 'ES module: default export (require) => validate functions keyed as rjsf expects', content: { 'text/javascript': { schema: { type: 'string' } } } },
          404: errorResponse('FORM_VERSION_NOT_FOUND'),
        },
      },
    },
  },
  schemas: {
    SavedDraft: {
      type: 'object',
      required: ['code', 'expiresAt'],
      properties: { code: { type: 'string', description: 'Resume code, 32 Crockford base32 characters in groups of four' }, expiresAt: { type: 'string', format: 'date-time' } },
    },
    ResumedDraft: {
      type: 'object',
      required: ['service', 'version', 'data'],
      properties: {
        service: { type: 'string' },
        version: { type: 'string' },
        data: { type: 'object' },
        migratedFrom: { type: 'string', description: 'The version the draft was saved under, when it was carried over' },
        droppedFields: { type: 'array', items: { type: 'string' }, description: 'German titles of answers the new version no longer takes' },
      },
    },
  },
};

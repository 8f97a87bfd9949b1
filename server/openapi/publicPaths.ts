import { PARTICIPANT_STATUS_PROPERTIES } from './PARTICIPANT_STATUS_PROPERTIES.ts';
import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const tenant = pathParameter('tenant', 'Participant slug, e.g. erkelenz.');
const service = pathParameter('service', 'Service id, e.g. hundesteuer-anmeldung.');

/** Public routes: health, OpenAPI, catalogue, submissions. */
export const publicPaths: OpenApiPaths = {
  paths: {
    '/healthz': {
      get: {
        operationId: 'getHealth',
        tags: ['operations'],
        summary: "Liveness check; with ?detail (signed-in staff only) what the own participant's portal still lacks",
        parameters: [{ name: 'detail', in: 'query', required: false, description: 'Present (any value): answer the detail for the signed-in staff user (401 without a session).', schema: { type: 'string' } }],
        responses: {
          200: jsonResponse('Serving (with ?detail: status ok or incomplete, missing legal page parts, offered services with missing local details)', {
            type: 'object',
            properties: {
              status: { enum: ['ok', 'incomplete'] },
              participant: { type: 'string' },
              legalPages: { type: 'object', properties: { missing: { type: 'array', items: { type: 'string' } } } },
              services: { type: 'array', items: { type: 'object', properties: { service: { type: 'string' }, missing: { type: 'array', items: { type: 'string' } } } } },
            },
          }),
          401: errorResponse('AUTHENTICATION_REQUIRED (only with ?detail)'),
        },
      },
    },
    '/api/v1/openapi.json': {
      get: { operationId: 'getOpenApi', tags: ['public'], summary: 'This document', responses: { 200: jsonResponse('OpenAPI 3.1 document', { type: 'object' }) } },
    },
    '/api/v1/tenants': {
      get: {
        operationId: 'listTenants',
        tags: ['public'],
        summary: 'The eleven participants with their portal names',
        responses: { 200: jsonResponse('Participants', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Tenant' } } } }) },
      },
    },
    '/api/v1/tenants/{tenant}/services': {
      get: {
        operationId: 'listServices',
        tags: ['public'],
        summary: 'Services the participant offers, each with the version it serves',
        parameters: [tenant],
        responses: {
          200: jsonResponse('Offered services', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ServiceSummary' } }, ...PARTICIPANT_STATUS_PROPERTIES } }),
          404: errorResponse('TENANT_NOT_FOUND'),
        },
      },
    },
    '/api/v1/tenants/{tenant}/services/{service}': {
      get: {
        operationId: 'getService',
        tags: ['public'],
        summary: 'The served form definition (schema, uiSchema, steps, metadata)',
        parameters: [tenant, service],
        responses: { 200: jsonResponse('Served definition', { $ref: '#/components/schemas/ServedDefinition' }), 404: errorResponse('TENANT_NOT_FOUND or SERVICE_NOT_FOUND') },
      },
    },
    '/api/v1/tenants/{tenant}/services/{service}/submissions': {
      post: {
        operationId: 'submitForm',
        tags: ['public'],
        summary: 'Submit form data; answered after it is durably stored',
        parameters: [
          tenant,
          service,
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description:
              'Retries with the same key and body return the first answer without storing twice (per participant and service, 24 h). Keys are shared by every client of a service, so a key must be random: 16 to 255 characters from A-Z, a-z, 0-9, "_", ".", ":", "-" with at least 8 different characters (a random UUID, as the portal sends, passes); anything else is 400 INVALID_IDEMPOTENCY_KEY.',
            schema: { type: 'string', minLength: 16, maxLength: 255, pattern: '^[A-Za-z0-9_.:-]{16,255}$' },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'The form data, as the served schema describes it.' } } } },
        responses: {
          201: jsonResponse('Received', { $ref: '#/components/schemas/SubmissionReceipt' }),
          400: errorResponse('MALFORMED_JSON, INVALID_BODY, FORBIDDEN_KEY, NESTING_TOO_DEEP, TOO_MANY_MEMBERS, NUMBER_OUT_OF_RANGE, INVALID_IDEMPOTENCY_KEY'),
          404: errorResponse('TENANT_NOT_FOUND or SERVICE_NOT_FOUND'),
          410: errorResponse(
            'PARTICIPANT_TERMINATED: the participant left the agreement (German notice in errors[0].message); SUBMISSION_ERASED: the submission of this Idempotency-Key was erased on request and is not stored again',
          ),
          413: errorResponse('PAYLOAD_TOO_LARGE'),
          415: errorResponse('UNSUPPORTED_MEDIA_TYPE'),
          422: errorResponse('VALIDATION_FAILED (German messages in errors[]), IDEMPOTENCY_KEY_REUSED or UPLOAD_NOT_AVAILABLE (a file token unknown, expired or used)'),
          429: errorResponse('RATE_LIMITED'),
        },
      },
    },
  },
  schemas: {
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable error code (server/errors.ts).' },
        message: { type: 'string', description: 'English message for developers.' },
        errors: {
          type: 'array',
          maxItems: 100,
          items: { type: 'object', required: ['pointer', 'message'], properties: { pointer: { type: 'string', description: 'JSON pointer into the request body.' }, message: { type: 'string', description: 'German message for citizens.' } } },
        },
        errorsOmitted: { type: 'integer', minimum: 1, description: 'How many further problems were found beyond the 100 listed in errors.' },
      },
    },
    Tenant: {
      type: 'object',
      properties: { slug: { type: 'string' }, key: { type: 'string' }, name: { type: 'string' }, shortName: { type: 'string' }, portalName: { type: 'string' }, kind: { enum: ['kreis', 'kommune'] }, ...PARTICIPANT_STATUS_PROPERTIES },
    },
    ServiceSummary: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
        category: { type: ['string', 'null'] },
        keywords: { type: 'array', items: { type: 'string' } },
        leikaKey: { type: ['string', 'null'] },
        lead: { type: 'object' },
      },
    },
    ServedDefinition: {
      type: 'object',
      description: 'The form definition (schemas/form-definition.schema.json) without $schema and source, plus the participant.',
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
        lead: { type: 'object' },
        leikaKey: { type: 'string' },
        category: { type: 'string' },
        retentionDays: { type: 'integer' },
        schema: { type: 'object' },
        uiSchema: { type: 'object' },
        steps: { type: 'array' },
        changelog: { type: 'object' },
        tenant: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' }, portalName: { type: 'string' } } },
        local: {
          type: ['object', 'null'],
          description: "The participant's own contact details for this service (null when none are recorded).",
          properties: {
            office: { type: 'string' },
            contact: { type: 'string' },
            phone: { type: 'string' },
            email: { type: 'string' },
            openingHours: { type: 'string' },
          },
        },
        ...PARTICIPANT_STATUS_PROPERTIES,
      },
    },
    SubmissionReceipt: {
      type: 'object',
      required: ['id', 'reference', 'version', 'receivedAt'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        reference: { type: 'string', examples: ['ERK-2026-000042'] },
        version: { type: 'string' },
        receivedAt: { type: 'string', format: 'date-time' },
        statusCode: { type: 'string', description: 'Status code for the status page (stored only hashed; an idempotent retry gets the same code).', examples: ['K7QM-2XHP-9RTA-4WCE'] },
      },
    },
  },
};

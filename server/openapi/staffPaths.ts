import { errorResponse, jsonResponse, pathParameter, queryParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const security = [{ staffSession: [] }];
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, description: 'CSRF token of the session (from login or /me).', schema: { type: 'string' } };
const unauthorized = errorResponse('AUTHENTICATION_REQUIRED');
const forbidden = errorResponse('FORBIDDEN or CSRF_FAILED');
const id = pathParameter('id', 'Submission id (UUID).');
const service = pathParameter('service', 'Service id.');
const filters = [
  queryParameter('service', 'Only this service.'),
  queryParameter('version', 'Only this version (MAJOR.MINOR.PATCH).'),
  queryParameter('status', 'Only this status.', { $ref: '#/components/schemas/SubmissionStatus' }),
  queryParameter('from', 'Received on or after this German calendar day.', { type: 'string', format: 'date' }),
  queryParameter('to', 'Received on or before this German calendar day.', { type: 'string', format: 'date' }),
];

/** Staff routes: session, submissions, exports, enablements. */
export const staffPaths: OpenApiPaths = {
  paths: {
    '/api/v1/staff/login': {
      post: {
        operationId: 'staffLogin',
        tags: ['staff'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } } } } },
        responses: { 200: jsonResponse('Signed in', { $ref: '#/components/schemas/StaffSession' }), 401: errorResponse('INVALID_CREDENTIALS'), 403: errorResponse('CSRF_FAILED (foreign Origin)'), 429: errorResponse('RATE_LIMITED') },
      },
    },
    '/api/v1/staff/logout': {
      post: { operationId: 'staffLogout', tags: ['staff'], summary: 'Sign out', security, parameters: [csrf], responses: { 204: { description: 'Signed out' }, 401: unauthorized, 403: forbidden } },
    },
    '/api/v1/staff/me': {
      get: { operationId: 'staffMe', tags: ['staff'], summary: 'The signed-in user and the CSRF token', security, responses: { 200: jsonResponse('Session', { $ref: '#/components/schemas/StaffSession' }), 401: unauthorized } },
    },
    '/api/v1/staff/submissions': {
      get: {
        operationId: 'listSubmissions',
        tags: ['staff'],
        summary: "One page of the participant's submissions, newest first",
        security,
        parameters: [...filters, queryParameter('page', 'Page number from 1.', { type: 'integer', minimum: 1 }), queryParameter('pageSize', 'Items per page (max 200).', { type: 'integer', minimum: 1, maximum: 200 })],
        responses: {
          200: jsonResponse('Page', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/SubmissionSummary' } }, page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } } }),
          400: errorResponse('INVALID_QUERY'),
          401: unauthorized,
          403: forbidden,
        },
      },
    },
    '/api/v1/staff/submissions/{id}': {
      get: {
        operationId: 'getSubmission',
        tags: ['staff'],
        summary: 'One submission with its data',
        security,
        parameters: [id],
        responses: { 200: jsonResponse('Submission', { $ref: '#/components/schemas/Submission' }), 401: unauthorized, 403: forbidden, 404: errorResponse('SUBMISSION_NOT_FOUND (also for other participants)') },
      },
      delete: {
        operationId: 'eraseSubmission',
        tags: ['staff'],
        summary: 'Erase a submission on request (GDPR Art. 17)',
        description:
          'Roles staff and admin of the participant. Any status may be erased (also in_bearbeitung; whether an exception of Art. 17 (3) applies is the participant\'s decision). ' +
          'One transaction removes the submission and its Idempotency-Key (a retry of the original POST then answers 410 SUBMISSION_ERASED instead of storing the data again) ' +
          'and appends the audit event submission.erased (subject = id; details: reason, reference, service, version, status; never the data), which stays after the erasure. ' +
          'Payments stay: they hold no personal data and are needed for billing.',
        security,
        parameters: [id, csrf],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: { reason: { type: 'string', maxLength: 500, description: 'Why, without personal data.', examples: ['Antrag auf Löschung nach Art. 17 DSGVO'] } },
              },
            },
          },
        },
        responses: {
          204: { description: 'Erased' },
          400: errorResponse('MALFORMED_JSON or INVALID_BODY'),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('SUBMISSION_NOT_FOUND (also for other participants and erased submissions)'),
          415: errorResponse('UNSUPPORTED_MEDIA_TYPE'),
          422: errorResponse('VALIDATION_FAILED (reason longer than 500 characters or not a string, or another property)'),
        },
      },
    },
    '/api/v1/staff/submissions/{id}/status': {
      post: {
        operationId: 'changeSubmissionStatus',
        tags: ['staff'],
        summary: 'Change the status: eingegangen -> in_bearbeitung -> abgeschlossen | abgelehnt',
        security,
        parameters: [id, csrf],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { $ref: '#/components/schemas/SubmissionStatus' } } } } } },
        responses: {
          200: jsonResponse('Changed', { $ref: '#/components/schemas/SubmissionSummary' }),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('SUBMISSION_NOT_FOUND'),
          409: errorResponse('INVALID_STATUS_TRANSITION'),
          422: errorResponse('VALIDATION_FAILED'),
        },
      },
    },
    '/api/v1/staff/exports/{service}/{version}': {
      get: {
        operationId: 'exportSubmissions',
        tags: ['staff'],
        summary: "Streamed export of the participant's submissions of one service version",
        security,
        parameters: [service, pathParameter('version', 'Published version.'), queryParameter('format', 'csv (default; semicolon-separated, UTF-8 BOM), json (with attachment metadata) or zip (streamed: per submission antrag.json and its files).', { enum: ['csv', 'json', 'zip'] }), ...filters.slice(2)],
        responses: {
          200: { description: 'Export', content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Submission' } } } } },
          400: errorResponse('INVALID_QUERY'),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('FORM_VERSION_NOT_FOUND'),
        },
      },
    },
    '/api/v1/staff/enablements': {
      get: {
        operationId: 'listEnablements',
        tags: ['staff'],
        summary: "Every published service with the participant's enablement",
        security,
        responses: { 200: jsonResponse('Enablements', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ServiceEnablement' } } } }), 401: unauthorized, 403: forbidden },
      },
    },
    '/api/v1/staff/enablements/{service}': {
      get: {
        operationId: 'getEnablement',
        tags: ['staff'],
        summary: "The participant's enablement of one service",
        security,
        parameters: [service],
        responses: { 200: jsonResponse('Enablement', { $ref: '#/components/schemas/ServiceEnablement' }), 401: unauthorized, 403: forbidden, 404: errorResponse('SERVICE_NOT_FOUND') },
      },
      put: {
        operationId: 'saveEnablement',
        tags: ['staff'],
        summary: 'Offer or withdraw a service, set its version policy and agreement date',
        security,
        parameters: [service, csrf],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['enabled', 'versionPolicy', 'agreedOn'],
                properties: { enabled: { type: 'boolean' }, versionPolicy: { type: 'string', examples: ['^1', '1.2.0'] }, agreedOn: { type: 'string', format: 'date' } },
              },
            },
          },
        },
        responses: {
          200: jsonResponse('Saved', { $ref: '#/components/schemas/ServiceEnablement' }),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('SERVICE_NOT_FOUND'),
          422: errorResponse('INVALID_ENABLEMENT, VERSION_POLICY_UNSATISFIABLE or ENABLE_CHECKLIST_INCOMPLETE (German message; one detail per missing checklist point)'),
        },
      },
    },
  },
  schemas: {
    SubmissionStatus: { enum: ['eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt'] },
    SubmissionSummary: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        tenant: { type: 'string' },
        service: { type: 'string' },
        version: { type: 'string' },
        status: { $ref: '#/components/schemas/SubmissionStatus' },
        reference: { type: 'string' },
        receivedAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        expiresAt: { type: 'string', format: 'date-time' },
      },
    },
    Submission: { allOf: [{ $ref: '#/components/schemas/SubmissionSummary' }, { type: 'object', properties: { data: { type: 'object' } } }] },
    StaffSession: {
      type: 'object',
      properties: {
        user: { type: 'object', properties: { id: { type: 'string' }, tenant: { type: 'string' }, email: { type: 'string' }, role: { enum: ['staff', 'editor', 'admin'] } } },
        csrfToken: { type: 'string' },
        participant: { type: ['object', 'null'] },
      },
    },
    ServiceEnablement: {
      type: 'object',
      properties: {
        service: { type: 'string' },
        title: { type: 'string' },
        publishedVersions: { type: 'array', items: { type: 'string' } },
        enablement: {
          type: ['object', 'null'],
          properties: { enabled: { type: 'boolean' }, versionPolicy: { type: 'string' }, agreedOn: { type: 'string', format: 'date' }, changedBy: { type: 'string' }, changedAt: { type: 'string' } },
        },
        servedVersion: { type: ['string', 'null'] },
      },
    },
  },
};

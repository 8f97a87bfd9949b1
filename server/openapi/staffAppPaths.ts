import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const security = [{ staffSession: [] }];
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, description: 'CSRF token of the session (from login or /me).', schema: { type: 'string' } };
const unauthorized = errorResponse('AUTHENTICATION_REQUIRED');
const forbidden = errorResponse('FORBIDDEN (not a Kreis editor) or CSRF_FAILED');
const service = pathParameter('service', 'Service id.');
const object = { type: 'object' };
const draft = {
  type: 'object',
  properties: {
    serviceId: { type: 'string' },
    definition: { type: 'object', description: 'The draft definition (may be invalid while being edited).' },
    revision: { type: 'integer', description: 'Incremented by every save; send it back with the next save.' },
    baseVersion: { type: ['string', 'null'] },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string' },
  },
};
const check = {
  type: 'object',
  properties: {
    problems: { type: 'array', items: object },
    previousVersion: { type: ['string', 'null'] },
    changes: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['breaking', 'compatible'] }, pointer: { type: 'string' }, description: { type: 'string' } } } },
    requiredBump: { enum: ['major', 'minor', 'patch', null] },
    versionProblems: { type: 'array', items: object },
    suggestedVersion: { type: ['string', 'null'] },
  },
};
const json = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });

/** Routes of the staff apps: the visual editor (Kreis editors), the catalogue and local details, the inbox context. */
export const staffAppPaths: OpenApiPaths = {
  paths: {
    '/api/v1/staff/editor/services': {
      get: { operationId: 'editorListServices', tags: ['editor'], summary: 'All services with published versions and draft state', security, responses: { 200: jsonResponse('Services', object), 401: unauthorized, 403: forbidden } },
      post: {
        operationId: 'editorCreateService',
        tags: ['editor'],
        summary: 'Create a service as a draft 1.0.0',
        security,
        parameters: [csrf],
        requestBody: json({ type: 'object', required: ['id', 'title'], properties: { id: { type: 'string' }, title: { type: 'string' } } }),
        responses: { 201: jsonResponse('Draft', draft), 400: errorResponse('INVALID_BODY'), 401: unauthorized, 403: forbidden, 409: errorResponse('SERVICE_EXISTS') },
      },
    },
    '/api/v1/staff/editor/services/{service}': {
      get: { operationId: 'editorGetService', tags: ['editor'], summary: 'A service with its versions and draft', security, parameters: [service], responses: { 200: jsonResponse('Service', object), 401: unauthorized, 403: forbidden, 404: errorResponse('NOT_FOUND') } },
    },
    '/api/v1/staff/editor/services/{service}/versions/{version}': {
      get: {
        operationId: 'editorGetVersion',
        tags: ['editor'],
        summary: 'A published definition',
        security,
        parameters: [service, pathParameter('version', 'MAJOR.MINOR.PATCH')],
        responses: { 200: jsonResponse('Definition', object), 401: unauthorized, 403: forbidden, 404: errorResponse('FORM_VERSION_NOT_FOUND') },
      },
    },
    '/api/v1/staff/editor/services/{service}/draft': {
      get: { operationId: 'editorGetDraft', tags: ['editor'], summary: 'The shared draft of a service', security, parameters: [service], responses: { 200: jsonResponse('Draft', draft), 401: unauthorized, 403: forbidden, 404: errorResponse('DRAFT_NOT_FOUND') } },
      post: {
        operationId: 'editorStartDraft',
        tags: ['editor'],
        summary: 'Start a draft from the latest published version (returns an existing draft with 200)',
        security,
        parameters: [service, csrf],
        responses: { 200: jsonResponse('Existing draft', draft), 201: jsonResponse('New draft', draft), 401: unauthorized, 403: forbidden, 404: errorResponse('NOT_FOUND') },
      },
      put: {
        operationId: 'editorSaveDraft',
        tags: ['editor'],
        summary: 'Save the draft if `revision` is still the stored one (optimistic concurrency)',
        security,
        parameters: [service, csrf],
        requestBody: json({ type: 'object', required: ['definition', 'revision'], properties: { definition: object, revision: { type: 'integer' } } }),
        responses: { 200: jsonResponse('Saved', draft), 400: errorResponse('INVALID_BODY'), 401: unauthorized, 403: forbidden, 404: errorResponse('DRAFT_NOT_FOUND'), 409: errorResponse('DRAFT_CONFLICT (stale revision)') },
      },
      delete: {
        operationId: 'editorDiscardDraft',
        tags: ['editor'],
        summary: 'Discard the draft at `revision`',
        security,
        parameters: [service, csrf, { name: 'revision', in: 'query', required: true, schema: { type: 'integer' } }],
        responses: { 204: { description: 'Discarded' }, 401: unauthorized, 403: forbidden, 404: errorResponse('DRAFT_NOT_FOUND'), 409: errorResponse('DRAFT_CONFLICT') },
      },
    },
    '/api/v1/staff/editor/services/{service}/publish': {
      post: {
        operationId: 'editorPublish',
        tags: ['editor'],
        summary: 'Publish the saved draft under its version (immutable afterwards)',
        security,
        parameters: [service, csrf],
        requestBody: json({ type: 'object', required: ['revision'], properties: { revision: { type: 'integer' } } }),
        responses: {
          201: jsonResponse('Published', { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' }, changes: { type: 'array', items: object } } }),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('DRAFT_NOT_FOUND'),
          409: errorResponse('DRAFT_CONFLICT or VERSION_EXISTS'),
          422: errorResponse('PUBLISH_REFUSED: invalid definition, version not greater than all published, or bump too small (errors list problems and changes)'),
        },
      },
    },
    '/api/v1/staff/editor/check': {
      post: {
        operationId: 'editorCheck',
        tags: ['editor'],
        summary: 'Check a definition (meta-schema, safe-schema rules, steps) and diff it against the latest published version',
        security,
        parameters: [csrf],
        requestBody: json({ type: 'object', required: ['definition'], properties: { definition: {}, serviceId: { type: 'string' } } }),
        responses: { 200: jsonResponse('Check', check), 400: errorResponse('INVALID_BODY'), 401: unauthorized, 403: forbidden },
      },
    },
    '/api/v1/staff/editor/import': {
      post: {
        operationId: 'editorImport',
        tags: ['editor'],
        summary: 'Import a form of another system (JSON Schema/rjsf/JSON Forms, DigiWF, Form.io, SurveyJS) as the draft of a new service, with the German import report',
        security,
        parameters: [csrf],
        requestBody: json({
          type: 'object',
          required: ['source'],
          properties: {
            source: { description: 'The form file as JSON.' },
            from: { enum: ['jsonschema', 'digiwf', 'formio', 'surveyjs'] },
            id: { type: 'string' },
            fileName: { type: 'string', maxLength: 200, description: 'Name of the uploaded file: title and id when the form names itself nowhere.' },
          },
        }),
        responses: {
          201: jsonResponse('Imported draft', {
            type: 'object',
            properties: {
              draft,
              kind: { enum: ['jsonschema', 'digiwf', 'formio', 'surveyjs'] },
              report: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
              problems: { type: 'array', items: object },
            },
          }),
          400: errorResponse('INVALID_BODY'),
          401: unauthorized,
          403: forbidden,
          409: errorResponse('SERVICE_EXISTS'),
          422: errorResponse('IMPORT_REFUSED: not a supported form, a circular reference or a bad id (errors name the place)'),
        },
      },
    },
    '/api/v1/staff/catalogue': {
      get: { operationId: 'staffCatalogue', tags: ['staff'], summary: 'Every published service as the participant sees it (lead, versions, who offers it, own enablement, newer major)', security, responses: { 200: jsonResponse('Catalogue', object), 401: unauthorized } },
    },
    '/api/v1/staff/catalogue/{service}': {
      get: { operationId: 'staffCatalogueEntry', tags: ['staff'], summary: 'One catalogue entry with the changes to a newer major version, its fees and its enable checklist (legal pages, local details, local fee amounts)', security, parameters: [service], responses: { 200: jsonResponse('Entry', object), 401: unauthorized, 404: errorResponse('NOT_FOUND') } },
    },
    '/api/v1/staff/catalogue/{service}/local-details': {
      put: {
        operationId: 'staffPutLocalDetails',
        tags: ['staff'],
        summary: "The participant's local details of a service (office, contact, phone, e-mail, notification e-mail, opening hours)",
        security,
        parameters: [service, csrf],
        requestBody: json({ type: 'object', properties: { office: { type: 'string' }, contact: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' }, notificationEmail: { type: 'string' }, openingHours: { type: 'string' }, address: { type: 'string' }, feeAmounts: { type: 'object', additionalProperties: { type: 'string' }, description: 'Local fee amounts by fee key of the definition (serviceInfo.fees).' } } }),
        responses: { 200: jsonResponse('Saved', object), 401: unauthorized, 403: forbidden, 404: errorResponse('NOT_FOUND'), 422: errorResponse('INVALID_LOCAL_DETAILS') },
      },
    },
    '/api/v1/staff/session': {
      get: {
        operationId: 'staffSessionState',
        tags: ['staff'],
        summary: 'The signed-in user and CSRF token, or nulls without a session (200 either way)',
        responses: { 200: jsonResponse('Session state', { type: 'object', properties: { user: { type: ['object', 'null'] }, csrfToken: { type: ['string', 'null'] }, participant: { type: ['object', 'null'] } } }) },
      },
    },
    '/api/v1/staff/submissions/{id}/context': {
      get: {
        operationId: 'getSubmissionContext',
        tags: ['staff'],
        summary: 'The definition version a submission was made under and its audit trail',
        security,
        parameters: [pathParameter('id', 'Submission id (UUID).')],
        responses: { 200: jsonResponse('Context', object), 401: unauthorized, 403: forbidden, 404: errorResponse('SUBMISSION_NOT_FOUND (also for other participants)') },
      },
    },
  },
};

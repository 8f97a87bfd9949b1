import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const tenant = pathParameter('tenant', 'Participant slug, e.g. erkelenz.');
const service = pathParameter('service', 'Service id, e.g. hundesteuer-anmeldung.');
const submissionId = pathParameter('id', 'Submission id.', { type: 'string', format: 'uuid' });
const security = [{ staffSession: [] }];
const statusBody = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['reference', 'code'],
        properties: { reference: { type: 'string', examples: ['ERK-2026-000042'] }, code: { type: 'string', description: 'Status code from the confirmation (case, spaces and dashes ignored).' } },
      },
    },
  },
};
const pdfResponse = { description: 'The application PDF (attachment)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };

/** Files (uploads, attachments, application PDF) and status for citizens. */
export const filesPaths: OpenApiPaths = {
  paths: {
    '/api/v1/tenants/{tenant}/services/{service}/uploads': {
      post: {
        operationId: 'uploadFile',
        tags: ['public'],
        summary: 'Upload one file for a file field (x-upload), streamed; the submission refers to it by the returned token',
        description:
          'The size limit of the field is enforced while streaming (reading stops at the limit); the type is recognised from the bytes. The token is valid for 24 hours, for this participant and service, and for one submission.',
        parameters: [tenant, service, { name: 'field', in: 'query', required: true, description: 'JSON pointer of the file field in the form data, e.g. /nachweis or /fotos/0.', schema: { type: 'string', maxLength: 500 } }],
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } },
        },
        responses: {
          201: jsonResponse('Stored', { $ref: '#/components/schemas/UploadReceipt' }),
          400: errorResponse('INVALID_UPLOAD: not exactly one file part, or an empty file'),
          404: errorResponse('TENANT_NOT_FOUND, SERVICE_NOT_FOUND or UPLOAD_FIELD_NOT_FOUND'),
          410: errorResponse('PARTICIPANT_TERMINATED'),
          413: errorResponse('UPLOAD_TOO_LARGE (German message in errors[])'),
          415: errorResponse('UPLOAD_NOT_MULTIPART or UPLOAD_TYPE_NOT_ACCEPTED (German message in errors[])'),
          422: errorResponse('UPLOAD_INFECTED: the virus scanner found malware; nothing was stored'),
          429: errorResponse('RATE_LIMITED'),
          503: errorResponse('SCANNER_UNAVAILABLE'),
        },
      },
    },
    '/api/v1/tenants/{tenant}/status': {
      post: {
        operationId: 'lookupStatus',
        tags: ['public'],
        summary: "A citizen's application status and history by reference and status code (no personal data)",
        parameters: [tenant],
        requestBody: statusBody,
        responses: {
          200: jsonResponse('Status', { $ref: '#/components/schemas/PublicStatus' }),
          400: errorResponse('MALFORMED_JSON'),
          404: errorResponse('STATUS_NOT_FOUND: the same answer for a wrong reference and a wrong code'),
          415: errorResponse('UNSUPPORTED_MEDIA_TYPE'),
          429: errorResponse('RATE_LIMITED (STATUS_RATE_LIMIT per client IP and 15 minutes)'),
        },
      },
    },
    '/api/v1/tenants/{tenant}/status/pdf': {
      post: {
        operationId: 'downloadApplicationPdf',
        tags: ['public'],
        summary: 'The application PDF for the citizen, by reference and status code',
        parameters: [tenant],
        requestBody: statusBody,
        responses: { 200: pdfResponse, 404: errorResponse('STATUS_NOT_FOUND'), 429: errorResponse('RATE_LIMITED') },
      },
    },
    '/api/v1/staff/submissions/{id}/attachments': {
      get: {
        operationId: 'listAttachments',
        tags: ['staff'],
        summary: "A submission's attachments with type, size, SHA-256 and scan state",
        security,
        parameters: [submissionId],
        responses: {
          200: jsonResponse('Attachments', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Attachment' } } } }),
          401: errorResponse('AUTHENTICATION_REQUIRED'),
          403: errorResponse('FORBIDDEN'),
          404: errorResponse('SUBMISSION_NOT_FOUND (also for another participant)'),
        },
      },
    },
    '/api/v1/staff/submissions/{id}/attachments/{attachmentId}': {
      get: {
        operationId: 'downloadAttachment',
        tags: ['staff'],
        summary: 'Download one attachment (Content-Disposition: attachment, nosniff; audited)',
        security,
        parameters: [submissionId, pathParameter('attachmentId', 'Attachment id.', { type: 'string', format: 'uuid' })],
        responses: {
          200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          401: errorResponse('AUTHENTICATION_REQUIRED'),
          403: errorResponse('FORBIDDEN'),
          404: errorResponse('ATTACHMENT_NOT_FOUND (also for another participant)'),
        },
      },
    },
    '/api/v1/staff/submissions/{id}/pdf': {
      get: {
        operationId: 'downloadSubmissionPdf',
        tags: ['staff'],
        summary: 'The application PDF of a submission (audited)',
        security,
        parameters: [submissionId],
        responses: { 200: pdfResponse, 401: errorResponse('AUTHENTICATION_REQUIRED'), 403: errorResponse('FORBIDDEN'), 404: errorResponse('SUBMISSION_NOT_FOUND (also for another participant)') },
      },
    },
  },
  schemas: {
    PublicStatus: {
      type: 'object',
      properties: {
        reference: { type: 'string' },
        serviceTitle: { type: 'string' },
        receivedAt: { type: 'string', format: 'date-time' },
        status: { enum: ['eingegangen', 'in_bearbeitung', 'abgeschlossen', 'abgelehnt'] },
        statusName: { type: 'string', description: 'German name of the status.' },
        history: {
          type: 'array',
          items: { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, status: { type: 'string' }, statusName: { type: 'string' } } },
        },
      },
    },
    Attachment: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        field: { type: 'string', description: 'JSON pointer of the file field.' },
        name: { type: 'string' },
        type: { type: 'string' },
        size: { type: 'integer' },
        sha256: { type: 'string' },
        scan: { enum: ['clean', 'unchecked'] },
      },
    },
    UploadReceipt: {
      type: 'object',
      required: ['token', 'name', 'type', 'size', 'sha256', 'scan', 'expiresAt'],
      properties: {
        token: { type: 'string', description: 'Opaque upload token (shown once); send it in the field as { token, name, type, size, sha256 }.' },
        name: { type: 'string' },
        type: { type: 'string', description: 'MIME type recognised from the bytes.' },
        size: { type: 'integer' },
        sha256: { type: 'string' },
        scan: { enum: ['clean', 'unchecked'], description: "'unchecked' when no virus scanner is configured (nicht geprüft)." },
        expiresAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};

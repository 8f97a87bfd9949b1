import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const tenant = pathParameter('tenant', 'Participant slug, e.g. erkelenz.');
const service = pathParameter('service', 'Service id, e.g. hundesteuer-anmeldung.');

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
  },
  schemas: {
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

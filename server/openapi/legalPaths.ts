import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const security = [{ staffSession: [] }];
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, description: 'CSRF token of the session (from login or /me).', schema: { type: 'string' } };
const text = (description: string) => ({ type: 'string', description });
const pagesProperties = {
  impressum: text('Impressum (safe text: paragraphs, "- " lists, "## " headings, [Text](https://…|mailto:…|tel:…) links; never HTML).'),
  privacyController: text('Datenschutz: the controller (name, address, contact).'),
  privacyOfficer: text('Datenschutz: the data protection officer.'),
  privacyRights: text("Datenschutz: the data subjects' rights."),
  privacySupervisory: text('Datenschutz: the supervisory authority.'),
  privacyMore: text('Datenschutz: further notes (optional).'),
  contact: text('Kontakt page.'),
};

/** Legal pages of each portal: public read, the participant admin's write. */
export const legalPaths: OpenApiPaths = {
  paths: {
    '/api/v1/tenants/{tenant}/legal-pages': {
      get: {
        operationId: 'getLegalPages',
        tags: ['public'],
        summary: "A portal's Impressum, Datenschutzerklärung and contact (empty strings and `missing` while not written)",
        parameters: [pathParameter('tenant', 'Participant slug.')],
        responses: { 200: jsonResponse('Legal pages', { $ref: '#/components/schemas/LegalPages' }), 404: errorResponse('TENANT_NOT_FOUND') },
      },
    },
    '/api/v1/staff/legal-pages': {
      get: {
        operationId: 'staffGetLegalPages',
        tags: ['staff'],
        summary: "The own participant's legal pages",
        security,
        responses: { 200: jsonResponse('Legal pages', { $ref: '#/components/schemas/LegalPages' }), 401: errorResponse('AUTHENTICATION_REQUIRED') },
      },
      put: {
        operationId: 'staffPutLegalPages',
        tags: ['staff'],
        summary: "Write the own participant's legal pages (its admin only)",
        security,
        parameters: [csrf],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: pagesProperties } } } },
        responses: {
          200: jsonResponse('Saved', { $ref: '#/components/schemas/LegalPages' }),
          400: errorResponse('INVALID_BODY'),
          401: errorResponse('AUTHENTICATION_REQUIRED'),
          403: errorResponse('FORBIDDEN (not the admin) or CSRF_FAILED'),
          422: errorResponse('INVALID_LEGAL_PAGES (German details per field: too long, a link that is not https/mailto/tel, HTML)'),
        },
      },
    },
  },
  schemas: {
    LegalPages: {
      type: 'object',
      properties: {
        ...pagesProperties,
        missing: { type: 'array', items: { type: 'string' }, description: 'German labels of required parts still empty.' },
        updatedAt: { type: ['string', 'null'], format: 'date-time' },
      },
    },
  },
};

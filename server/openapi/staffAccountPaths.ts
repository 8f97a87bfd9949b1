import { errorResponse, jsonResponse, pathParameter, queryParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const security = [{ staffSession: [] }];
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, description: 'CSRF token of the session (from login or /me).', schema: { type: 'string' } };
const unauthorized = errorResponse('AUTHENTICATION_REQUIRED');
const forbidden = errorResponse('FORBIDDEN (not an admin), CSRF_FAILED, PASSWORD_CHANGE_REQUIRED or TOTP_ENROLMENT_REQUIRED');
const userId = pathParameter('userId', 'Staff user id (a user of another participant answers 404 like a missing one).');
const json = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });
const role = { enum: ['staff', 'editor', 'admin'] };
const account = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    role,
    disabled: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    mustChangePassword: { type: 'boolean' },
    totpEnabled: { type: 'boolean' },
  },
};
const oneTimePassword = { type: 'string', description: 'Shown once; the user must choose a new password at the next sign-in.' };
const month = (name: string, description: string) => queryParameter(name, description, { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' });
const statisticsParameters = [
  month('from', 'First month YYYY-MM (default: 11 months before `to`).'),
  month('to', 'Last month YYYY-MM (default: the current month in Germany).'),
  queryParameter('tenant', 'Kreis admins: one participant instead of the whole Kreis; others: only their own.'),
];
const statusCounts = { type: 'object', additionalProperties: { type: 'number' } };

/** Staff management, second factor, audit view and statistics (issue 14). */
export const staffAccountPaths: OpenApiPaths = {
  paths: {
    '/api/v1/staff/users': {
      get: {
        operationId: 'staffListUsers',
        tags: ['staff'],
        summary: "The admin's participant's staff users and the roles an admin may give",
        security,
        responses: { 200: jsonResponse('Users', { type: 'object', properties: { users: { type: 'array', items: account }, roles: { type: 'array', items: role } } }), 401: unauthorized, 403: forbidden },
      },
      post: {
        operationId: 'staffCreateUser',
        tags: ['staff'],
        summary: 'Create a staff user of the own participant with a one-time password',
        security,
        parameters: [csrf],
        requestBody: json({ type: 'object', required: ['email', 'role'], properties: { email: { type: 'string' }, role } }),
        responses: {
          201: jsonResponse('Created', { type: 'object', properties: { user: account, oneTimePassword } }),
          401: unauthorized,
          403: forbidden,
          409: errorResponse('USER_EXISTS'),
          422: errorResponse('INVALID_USER'),
        },
      },
    },
    '/api/v1/staff/users/{userId}': {
      get: { operationId: 'staffGetUser', tags: ['staff'], summary: 'One staff user of the own participant', security, parameters: [userId], responses: { 200: jsonResponse('User', account), 401: unauthorized, 403: forbidden, 404: errorResponse('USER_NOT_FOUND') } },
      patch: {
        operationId: 'staffUpdateUser',
        tags: ['staff'],
        summary: 'Set role or deactivate/reactivate (deactivation ends the sessions at once)',
        security,
        parameters: [userId, csrf],
        requestBody: json({ type: 'object', properties: { role, disabled: { type: 'boolean' } } }),
        responses: { 200: jsonResponse('User', account), 401: unauthorized, 403: forbidden, 404: errorResponse('USER_NOT_FOUND'), 409: errorResponse('OWN_ACCOUNT_CHANGE_REFUSED'), 422: errorResponse('INVALID_USER') },
      },
    },
    '/api/v1/staff/users/{userId}/password-reset': {
      post: {
        operationId: 'staffResetPassword',
        tags: ['staff'],
        summary: 'Issue a one-time password (shown once); ends the sessions of the user',
        security,
        parameters: [userId, csrf],
        responses: { 200: jsonResponse('One-time password', { type: 'object', properties: { oneTimePassword } }), 401: unauthorized, 403: forbidden, 404: errorResponse('USER_NOT_FOUND'), 409: errorResponse('OWN_ACCOUNT_CHANGE_REFUSED') },
      },
    },
    '/api/v1/staff/users/{userId}/totp': {
      delete: {
        operationId: 'staffResetTotp',
        tags: ['staff'],
        summary: "Remove a user's second factor (lost device)",
        security,
        parameters: [userId, csrf],
        responses: { 204: { description: 'Removed' }, 401: unauthorized, 403: forbidden, 404: errorResponse('USER_NOT_FOUND') },
      },
    },
    '/api/v1/staff/password': {
      post: {
        operationId: 'staffChangeOwnPassword',
        tags: ['staff'],
        summary: 'Change the own password (also while a one-time password is pending); ends the other sessions',
        security,
        parameters: [csrf],
        requestBody: json({ type: 'object', required: ['currentPassword', 'newPassword'], properties: { currentPassword: { type: 'string' }, newPassword: { type: 'string', minLength: 12, maxLength: 1024 } } }),
        responses: { 204: { description: 'Changed' }, 401: unauthorized, 403: errorResponse('CSRF_FAILED'), 422: errorResponse('CURRENT_PASSWORD_WRONG or WEAK_PASSWORD') },
      },
    },
    '/api/v1/staff/totp/enrolment': {
      post: {
        operationId: 'staffStartTotpEnrolment',
        tags: ['staff'],
        summary: 'Start TOTP set-up: a new secret as text and otpauth URI (active after /totp/activation)',
        security,
        parameters: [csrf],
        responses: { 200: jsonResponse('Secret', { type: 'object', properties: { secret: { type: 'string' }, uri: { type: 'string' } } }), 401: unauthorized, 403: errorResponse('CSRF_FAILED'), 409: errorResponse('TOTP_ALREADY_ENABLED') },
      },
    },
    '/api/v1/staff/totp/activation': {
      post: {
        operationId: 'staffActivateTotp',
        tags: ['staff'],
        summary: 'Activate the pending TOTP secret with a current 6-digit code',
        security,
        parameters: [csrf],
        requestBody: json({ type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } } }),
        responses: { 204: { description: 'Active' }, 401: unauthorized, 403: errorResponse('CSRF_FAILED'), 409: errorResponse('TOTP_ALREADY_ENABLED'), 422: errorResponse('TOTP_INVALID') },
      },
    },
    '/api/v1/staff/totp/deactivation': {
      post: {
        operationId: 'staffDeactivateTotp',
        tags: ['staff'],
        summary: 'Switch the own second factor off (unless the role requires it)',
        security,
        parameters: [csrf],
        requestBody: json({ type: 'object', required: ['currentPassword'], properties: { currentPassword: { type: 'string' } } }),
        responses: { 204: { description: 'Off' }, 401: unauthorized, 403: forbidden, 409: errorResponse('TOTP_REQUIRED_BY_POLICY'), 422: errorResponse('CURRENT_PASSWORD_WRONG') },
      },
    },
    '/api/v1/staff/audit': {
      get: {
        operationId: 'staffAuditView',
        tags: ['staff'],
        summary: "The own participant's audit trail, newest first, 50 per page (ids, codes and counts only)",
        security,
        parameters: [
          queryParameter('user', 'Staff user id (actor).'),
          queryParameter('action', 'Action, e.g. staff.password_changed.'),
          queryParameter('from', 'First day YYYY-MM-DD (German time).', { type: 'string', format: 'date' }),
          queryParameter('to', 'Last day YYYY-MM-DD (German time, inclusive).', { type: 'string', format: 'date' }),
          queryParameter('page', 'Page from 1.', { type: 'string', pattern: '^[0-9]+$' }),
        ],
        responses: {
          200: jsonResponse('Audit page', {
            type: 'object',
            properties: {
              entries: { type: 'array', items: { type: 'object' } },
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
              actions: { type: 'array', items: { type: 'string' } },
              users: { type: 'array', items: { type: 'object' } },
            },
          }),
          400: errorResponse('INVALID_QUERY'),
          401: unauthorized,
          403: forbidden,
        },
      },
    },
    '/api/v1/staff/statistics': {
      get: {
        operationId: 'staffStatistics',
        tags: ['staff'],
        summary: 'Submissions per service and month with status counts and shares (own participant; Kreis admins: the whole Kreis)',
        security,
        parameters: statisticsParameters,
        responses: {
          200: jsonResponse('Statistics', {
            type: 'object',
            properties: {
              tenant: { type: ['string', 'null'] },
              from: { type: 'string' },
              to: { type: 'string' },
              statuses: { type: 'array', items: { type: 'string' } },
              rows: { type: 'array', items: { type: 'object', properties: { service: { type: 'string' }, month: { type: 'string' }, total: { type: 'integer' }, counts: statusCounts, shares: statusCounts } } },
            },
          }),
          400: errorResponse('INVALID_QUERY'),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('TENANT_NOT_FOUND'),
        },
      },
    },
    '/api/v1/staff/statistics.csv': {
      get: {
        operationId: 'staffStatisticsCsv',
        tags: ['staff'],
        summary: 'The statistics as CSV (count and percent per status)',
        security,
        parameters: statisticsParameters,
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 400: errorResponse('INVALID_QUERY'), 401: unauthorized, 403: forbidden, 404: errorResponse('TENANT_NOT_FOUND') },
      },
    },
  },
};

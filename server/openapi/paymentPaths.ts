import { errorResponse, jsonResponse, pathParameter, queryParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const security = [{ staffSession: [] }];
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });
const tenant = pathParameter('tenant', 'Participant slug, e.g. erkelenz.');
const service = pathParameter('service', 'Service id, e.g. bewohnerparkausweis.');
const paymentId = pathParameter('paymentId', 'Id of the pending payment (not a submission id).');
const submissionId = pathParameter('id', 'Submission id.');
const year = { ...queryParameter('year', 'Calendar (budget) year, 2000-2100.', { type: 'integer', minimum: 2000, maximum: 2100 }), required: true };
const cents = { type: 'integer', minimum: 0 };
const unauthorized = errorResponse('AUTHENTICATION_REQUIRED');

/** Online payment (issue 16, § 2 (1)): fees, payments in the citizen's flow, provider settings, refunds, reports. */
export const paymentPaths: OpenApiPaths = {
  paths: {
    '/api/v1/tenants/{tenant}/services/{service}/fee': {
      get: {
        operationId: 'getServiceFee',
        tags: ['public'],
        summary: "The service's fee at this participant (its own fee schedule), for the service page and the review",
        parameters: [tenant, service],
        responses: { 200: jsonResponse('Fee', ref('FeeInfo')), 404: errorResponse('TENANT_NOT_FOUND or SERVICE_NOT_FOUND') },
      },
    },
    '/api/v1/tenants/{tenant}/services/{service}/payments': {
      post: {
        operationId: 'startPayment',
        tags: ['public'],
        summary: 'After the review: keep the answers as a pending payment ("Zahlung offen", no reference yet) and open it at the provider',
        parameters: [tenant, service],
        requestBody: body({ type: 'object', description: 'The answers, exactly as for a submission.' }),
        responses: {
          201: jsonResponse('Started: send the citizen to paypageUrl; keep paymentId and token', ref('StartedPayment')),
          404: errorResponse('TENANT_NOT_FOUND or SERVICE_NOT_FOUND'),
          409: errorResponse('NOT_CHARGEABLE'),
          410: errorResponse('PARTICIPANT_TERMINATED'),
          422: errorResponse('VALIDATION_FAILED'),
          502: errorResponse('PAYMENT_PROVIDER_REFUSED'),
          503: errorResponse('PAYMENT_PROVIDER_UNAVAILABLE'),
        },
      },
    },
    '/api/v1/payments/{paymentId}/return': {
      get: {
        operationId: 'returnFromProvider',
        tags: ['public'],
        summary: "The provider's return address (XBezahldienste redirectUrl): checks the signature, queries the status, turns a paid payment into a submission",
        parameters: [paymentId, { ...queryParameter('sig', 'Signature of the return address (HMAC-SHA256).'), required: true }],
        responses: {
          303: { description: 'To the portal page /{tenant}/zahlung with the payment id and token in the fragment' },
          403: errorResponse('PAYMENT_SIGNATURE_INVALID'),
          404: errorResponse('PAYMENT_NOT_FOUND'),
        },
      },
    },
    '/api/v1/payments/{paymentId}': {
      get: {
        operationId: 'getPaymentState',
        tags: ['public'],
        summary: "A payment's state for the portal (asks the provider while open); the answers come back only after a cancelled or failed payment",
        parameters: [paymentId, { name: 'X-Payment-Token', in: 'header', required: true, description: 'The token from startPayment.', schema: { type: 'string' } }],
        responses: {
          200: jsonResponse('State', ref('PaymentState')),
          403: errorResponse('PAYMENT_SIGNATURE_INVALID'),
          404: errorResponse('PAYMENT_NOT_FOUND'),
          502: errorResponse('PAYMENT_PROVIDER_REFUSED'),
        },
      },
    },
    '/api/v1/staff/payment-provider': {
      get: {
        operationId: 'getPaymentProvider',
        tags: ['staff'],
        summary: "The own participant's payment provider and transaction-cost terms (the client secret is never answered)",
        security,
        responses: { 200: jsonResponse('Settings', ref('PaymentProviderSettings')), 401: unauthorized },
      },
      put: {
        operationId: 'savePaymentProvider',
        tags: ['staff'],
        summary: "Set the own participant's XBezahldienste provider and transaction-cost terms (admin; clientSecret write-only, omit to keep)",
        security,
        requestBody: body(ref('PaymentProviderInput')),
        responses: {
          200: jsonResponse('Saved', ref('PaymentProviderSettings')),
          401: unauthorized,
          403: errorResponse('FORBIDDEN or CSRF_FAILED'),
          422: errorResponse('INVALID_PAYMENT_PROVIDER'),
        },
      },
    },
    '/api/v1/staff/fees': {
      get: {
        operationId: 'listFeeSchedules',
        tags: ['staff'],
        summary: "The own participant's fee schedule (amounts per chargeable service)",
        security,
        responses: { 200: jsonResponse('Schedules', { type: 'object', properties: { tenant: { type: 'string' }, items: { type: 'array', items: { type: 'object' } } } }), 401: unauthorized },
      },
    },
    '/api/v1/staff/fees/{service}': {
      put: {
        operationId: 'saveFeeSchedule',
        tags: ['staff'],
        summary: 'Set the own amounts of a chargeable service (admin)',
        security,
        parameters: [service],
        requestBody: body(ref('FeeSchedule')),
        responses: { 200: jsonResponse('Saved', { type: 'object' }), 401: unauthorized, 403: errorResponse('FORBIDDEN or CSRF_FAILED'), 422: errorResponse('INVALID_FEE_SCHEDULE') },
      },
      delete: {
        operationId: 'deleteFeeSchedule',
        tags: ['staff'],
        summary: 'Remove the own amounts of a service (admin): it is then submitted without online payment',
        security,
        parameters: [service],
        responses: { 204: { description: 'Removed' }, 401: unauthorized, 403: errorResponse('FORBIDDEN or CSRF_FAILED'), 422: errorResponse('INVALID_FEE_SCHEDULE') },
      },
    },
    '/api/v1/staff/submissions/{id}/payment': {
      get: {
        operationId: 'getSubmissionPayment',
        tags: ['staff'],
        summary: 'The payment a submission of the own participant carried: state, amount, provider reference, transaction cost, refund',
        security,
        parameters: [submissionId],
        responses: {
          200: jsonResponse('The payment, or null when the submission carried none', { anyOf: [ref('SubmissionPayment'), { type: 'null' }] }),
          401: unauthorized,
          404: errorResponse('SUBMISSION_NOT_FOUND (also for another participant\'s submission)'),
        },
      },
    },
    '/api/v1/staff/submissions/{id}/refund': {
      post: {
        operationId: 'refundPayment',
        tags: ['staff'],
        summary: 'Record the refund of a payment (sent to the provider only where its interface has a refund message; XBezahldienste 1.0 has none)',
        security,
        parameters: [submissionId],
        requestBody: body({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } }),
        responses: {
          200: jsonResponse('Refunded', ref('SubmissionPayment')),
          401: unauthorized,
          403: errorResponse('CSRF_FAILED'),
          404: errorResponse('SUBMISSION_NOT_FOUND (no payment)'),
          409: errorResponse('PAYMENT_ALREADY_REFUNDED'),
          422: errorResponse('INVALID_PAYMENT'),
        },
      },
    },
    '/api/v1/staff/reports/payments': {
      get: {
        operationId: 'getPaymentReport',
        tags: ['staff'],
        summary: 'Payments and transaction costs per participant and service for a year (Kreis editors/admins: all participants; others: their own)',
        security,
        parameters: [year],
        responses: { 200: jsonResponse('Report', ref('PaymentReport')), 400: errorResponse('INVALID_QUERY'), 401: unauthorized },
      },
    },
    '/api/v1/staff/reports/payments.csv': {
      get: {
        operationId: 'getPaymentReportCsv',
        tags: ['staff'],
        summary: 'The payment report as CSV (UTF-8 with BOM)',
        security,
        parameters: [year],
        responses: {
          200: { description: 'CSV: year,participant,service,payments,amountCents,transactionCostCents,refunded', content: { 'text/csv': { schema: { type: 'string' } } } },
          400: errorResponse('INVALID_QUERY'),
          401: unauthorized,
        },
      },
    },
  },
  schemas: {
    FeeSchedule: {
      type: 'object',
      additionalProperties: false,
      required: ['baseCents'],
      properties: { baseCents: cents, unitCents: cents, optionCents: { type: 'object', additionalProperties: cents } },
    },
    FeeInfo: {
      type: 'object',
      required: ['chargeable', 'online'],
      properties: {
        chargeable: { type: 'boolean' },
        online: { type: 'boolean' },
        basis: { enum: ['fixed', 'perItem', 'byOption'] },
        pointer: { type: 'string' },
        label: { type: 'string' },
        baseCents: cents,
        unitCents: cents,
        optionCents: { type: 'object', additionalProperties: cents },
      },
    },
    StartedPayment: {
      type: 'object',
      required: ['paymentId', 'token', 'amountCents', 'paypageUrl', 'expiresAt'],
      properties: { paymentId: { type: 'string' }, token: { type: 'string' }, amountCents: cents, paypageUrl: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
    },
    PaymentState: {
      type: 'object',
      required: ['paymentId', 'tenant', 'service', 'status', 'amountCents', 'expiresAt'],
      properties: {
        paymentId: { type: 'string' },
        tenant: { type: 'string' },
        service: { type: 'string' },
        status: { enum: ['offen', 'bezahlt', 'abgebrochen', 'fehlgeschlagen', 'abgelaufen'] },
        amountCents: cents,
        expiresAt: { type: 'string', format: 'date-time' },
        reference: { type: 'string' },
        submissionId: { type: 'string' },
        providerReference: { type: 'string' },
        paypageUrl: { type: 'string' },
        data: { type: 'object', description: 'The answers, only after a cancelled or failed payment.' },
      },
    },
    PaymentProviderInput: {
      type: 'object',
      required: ['kind', 'baseUrl', 'originatorId', 'endPointId', 'clientId', 'fixedCostCents', 'percentBasisPoints'],
      properties: {
        kind: { const: 'xbezahldienste' },
        baseUrl: { type: 'string', format: 'uri' },
        originatorId: { type: 'string', maxLength: 36 },
        endPointId: { type: 'string', maxLength: 36 },
        clientId: { type: 'string' },
        clientSecret: { type: 'string', writeOnly: true },
        fixedCostCents: cents,
        percentBasisPoints: { type: 'integer', minimum: 0, maximum: 10000, description: '150 = 1.50 %' },
      },
    },
    PaymentProviderSettings: {
      type: 'object',
      description: 'The settings without the client secret, or { tenant, configured: false }.',
      properties: {
        tenant: { type: 'string' },
        configured: { type: 'boolean' },
        kind: { type: 'string' },
        baseUrl: { type: 'string' },
        originatorId: { type: 'string' },
        endPointId: { type: 'string' },
        clientId: { type: 'string' },
        hasClientSecret: { type: 'boolean' },
        fixedCostCents: cents,
        percentBasisPoints: { type: 'integer' },
        updatedBy: { type: 'string' },
        updatedAt: { type: 'string' },
      },
    },
    SubmissionPayment: {
      type: 'object',
      properties: {
        submissionId: { type: 'string' },
        amountCents: cents,
        provider: { type: 'string' },
        providerReference: { type: 'string' },
        transactionId: { type: 'string' },
        paidAt: { type: 'string', format: 'date-time' },
        transactionCostCents: cents,
        state: { enum: ['bezahlt', 'erstattet'] },
        refundedAt: { type: 'string' },
        refundReason: { type: 'string' },
        refundSent: { type: 'boolean' },
      },
    },
    PaymentReport: {
      type: 'object',
      properties: {
        year: { type: 'integer' },
        scope: { type: 'string' },
        rows: {
          type: 'array',
          items: {
            type: 'object',
            properties: { tenant: { type: 'string' }, service: { type: 'string' }, count: { type: 'integer' }, amountCents: cents, transactionCostCents: cents, refundedCount: { type: 'integer' } },
          },
        },
      },
    },
  },
};

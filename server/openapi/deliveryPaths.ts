import { errorResponse, jsonResponse, pathParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const security = [{ staffSession: [] }];
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, description: 'CSRF token of the session (from login or /me).', schema: { type: 'string' } };
const unauthorized = errorResponse('AUTHENTICATION_REQUIRED');
const forbidden = errorResponse('FORBIDDEN (role admin needed) or CSRF_FAILED');
const channelId = pathParameter('id', 'Delivery channel id (UUID).');
const channelBody = {
  required: true,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/DeliveryChannelInput' } } },
};

/** Delivery after "Absenden": channels, deliveries of a submission, re-sending, outbox status. */
export const deliveryPaths: OpenApiPaths = {
  paths: {
    '/api/v1/staff/delivery-channels': {
      get: {
        operationId: 'listDeliveryChannels',
        tags: ['staff'],
        summary: "The participant's delivery channels (admin); secrets are never returned, only hasSecret",
        security,
        responses: { 200: jsonResponse('Channels', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/DeliveryChannel' } } } }), 401: unauthorized, 403: forbidden },
      },
      post: {
        operationId: 'createDeliveryChannel',
        tags: ['staff'],
        summary: 'Add a delivery channel (admin, audited delivery_channel.created)',
        description:
          'Kinds: citizen_receipt and citizen_status (mails to the contact e-mail the definition marks), staff_notice (config.address: the inbox address), ' +
          'webhook (config.url, https; secret = HMAC key), fitconnect (config.tokenUrl, submissionApiUrl, destinationId, clientId, scope?; secret = OAuth client secret). ' +
          'service null = every service without its own channel of this kind. Targets in private address ranges are refused unless OUTBOUND_ALLOW_PRIVATE is set.',
        security,
        parameters: [csrf],
        requestBody: channelBody,
        responses: {
          201: jsonResponse('Created', { $ref: '#/components/schemas/DeliveryChannel' }),
          401: unauthorized,
          403: forbidden,
          409: errorResponse('DELIVERY_CHANNEL_EXISTS'),
          422: errorResponse('INVALID_DELIVERY_CHANNEL'),
        },
      },
    },
    '/api/v1/staff/delivery-channels/{id}': {
      put: {
        operationId: 'updateDeliveryChannel',
        tags: ['staff'],
        summary: 'Replace a delivery channel (admin, audited); without secret the stored one is kept',
        security,
        parameters: [channelId, csrf],
        requestBody: channelBody,
        responses: {
          200: jsonResponse('Saved', { $ref: '#/components/schemas/DeliveryChannel' }),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('DELIVERY_CHANNEL_NOT_FOUND'),
          409: errorResponse('DELIVERY_CHANNEL_EXISTS'),
          422: errorResponse('INVALID_DELIVERY_CHANNEL'),
        },
      },
      delete: {
        operationId: 'deleteDeliveryChannel',
        tags: ['staff'],
        summary: 'Delete a delivery channel (admin, audited); its pending deliveries are dead-lettered',
        security,
        parameters: [channelId, csrf],
        responses: { 204: { description: 'Deleted' }, 401: unauthorized, 403: forbidden, 404: errorResponse('DELIVERY_CHANNEL_NOT_FOUND') },
      },
    },
    '/api/v1/staff/submissions/{id}/deliveries': {
      get: {
        operationId: 'listSubmissionDeliveries',
        tags: ['staff'],
        summary: 'Per channel: pending, delivered (when), failed attempts with the last technical error, dead',
        security,
        parameters: [pathParameter('id', 'Submission id (UUID).')],
        responses: {
          200: jsonResponse('Deliveries', { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Delivery' } } } }),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('SUBMISSION_NOT_FOUND (also for other participants)'),
        },
      },
    },
    '/api/v1/staff/deliveries/{id}/resend': {
      post: {
        operationId: 'resendDelivery',
        tags: ['staff'],
        summary: 'Queue a dead delivery again with the same delivery id (admin, audited delivery.resent)',
        security,
        parameters: [pathParameter('id', 'Delivery id (<submission id>.received.<kind> or <submission id>.status.<hex>.<kind>).'), csrf],
        responses: {
          200: jsonResponse('Queued', { $ref: '#/components/schemas/Delivery' }),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('DELIVERY_NOT_FOUND (also for other participants)'),
          409: errorResponse('DELIVERY_NOT_DEAD'),
        },
      },
    },
    '/api/v1/staff/outbox': {
      get: {
        operationId: 'getOutboxStatus',
        tags: ['staff', 'operations'],
        summary: 'Outbox depth (pending, dead) and the oldest pending age per participant (the Kreis sees all participants)',
        security,
        responses: {
          200: jsonResponse('Outbox', {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    tenant: { type: 'string' },
                    pending: { type: 'integer' },
                    dead: { type: 'integer' },
                    oldestPendingAt: { type: ['string', 'null'], format: 'date-time' },
                    oldestPendingAgeSeconds: { type: ['integer', 'null'] },
                  },
                },
              },
            },
          }),
          401: unauthorized,
          403: forbidden,
        },
      },
    },
  },
  schemas: {
    DeliveryKind: { type: 'string', enum: ['citizen_receipt', 'citizen_status', 'staff_notice', 'webhook', 'fitconnect'] },
    DeliveryChannelInput: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { $ref: '#/components/schemas/DeliveryKind' },
        service: { type: ['string', 'null'], description: 'Service id, or null for every service.' },
        enabled: { type: 'boolean', default: true },
        config: { type: 'object', description: 'Settings of the kind (no secrets).' },
        secret: { type: 'string', minLength: 16, maxLength: 512, writeOnly: true, description: 'Write-only; omitted on update keeps the stored secret.' },
      },
    },
    DeliveryChannel: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        tenant: { type: 'string' },
        service: { type: ['string', 'null'] },
        kind: { $ref: '#/components/schemas/DeliveryKind' },
        enabled: { type: 'boolean' },
        config: { type: 'object' },
        hasSecret: { type: 'boolean' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        updatedBy: { type: 'string' },
      },
    },
    Delivery: {
      type: 'object',
      properties: {
        id: { type: 'string', description: 'Stable delivery id (the same on every attempt; receivers drop duplicates by it).' },
        eventId: { type: 'string' },
        eventType: { type: 'string', enum: ['submission.received', 'submission.status_changed'] },
        eventStatus: { type: ['string', 'null'] },
        channelId: { type: 'string' },
        kind: { $ref: '#/components/schemas/DeliveryKind' },
        state: { type: 'string', enum: ['pending', 'delivered', 'dead'] },
        attempts: { type: 'integer' },
        nextAttemptAt: { type: 'string', format: 'date-time' },
        lastError: { type: ['string', 'null'], description: 'Technical reason of the last failure; never personal data.' },
        createdAt: { type: 'string', format: 'date-time' },
        deliveredAt: { type: ['string', 'null'], format: 'date-time' },
      },
    },
  },
};

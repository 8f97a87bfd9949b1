import { errorResponse, jsonResponse, pathParameter, queryParameter, type OpenApiPaths } from './OpenApiPaths.ts';

const security = [{ staffSession: [] }];
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, description: 'CSRF token of the session.', schema: { type: 'string' } };
const unauthorized = errorResponse('AUTHENTICATION_REQUIRED');
const forbidden = errorResponse('FORBIDDEN (needs role editor or admin of kreis-heinsberg) or CSRF_FAILED');
const ownForbidden = errorResponse('CSRF_FAILED');
const year = { ...queryParameter('year', 'Calendar (budget) year, 2000-2100.', { type: 'integer', minimum: 2000, maximum: 2100 }), required: true };
const badYear = errorResponse('INVALID_QUERY (year missing or malformed)');
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });
const date = { type: 'string', format: 'date' };
const lead = { type: 'object', description: "The service's lead: { kind: 'kreis' } or { kind: 'kommunen', participants: [slug] }." };

/** Agreement routes (§§ 2, 3 of the Vereinbarung): reports, costs, population, terminations, own costs. */
export const agreementPaths: OpenApiPaths = {
  paths: {
    '/api/v1/staff/reports/costs': {
      get: {
        operationId: 'getCostReport',
        tags: ['staff'],
        summary: 'Cost allocation of every published service for a year (§ 2 (2))',
        security,
        parameters: [year],
        responses: { 200: jsonResponse('Cost report', ref('CostReport')), 400: badYear, 401: unauthorized, 403: forbidden },
      },
    },
    '/api/v1/staff/reports/costs.csv': {
      get: {
        operationId: 'getCostReportCsv',
        tags: ['staff'],
        summary: 'The cost allocation as CSV (UTF-8 with BOM), one row per share',
        security,
        parameters: [year],
        responses: {
          200: { description: 'CSV: year,service,basis,participant,municipalityKey,population,referenceDate,source,official,shareCents,costCents', content: { 'text/csv': { schema: { type: 'string' } } } },
          400: badYear,
          401: unauthorized,
          403: forbidden,
          409: errorResponse('POPULATION_TABLE_MISSING (the message names the reference dates)'),
        },
      },
    },
    '/api/v1/staff/reports/participation': {
      get: {
        operationId: 'getParticipationReport',
        tags: ['staff'],
        summary: 'Services x participants with lead and end dates',
        security,
        responses: { 200: jsonResponse('Participation matrix', ref('ParticipationMatrix')), 401: unauthorized, 403: forbidden },
      },
    },
    '/api/v1/staff/reports/terminations': {
      get: {
        operationId: 'getTerminationReport',
        tags: ['staff'],
        summary: 'Termination status of the eleven participants (§ 3 (3))',
        security,
        responses: { 200: jsonResponse('Termination status', ref('TerminationReport')), 401: unauthorized, 403: forbidden },
      },
    },
    '/api/v1/staff/reports/usage': {
      get: {
        operationId: 'getUsageOverview',
        tags: ['staff'],
        summary: "Every participant's own-cost usage for a year (§ 2 (1))",
        security,
        parameters: [year],
        responses: {
          200: jsonResponse('Usage of all participants', { type: 'object', properties: { year: { type: 'integer' }, items: { type: 'array', items: ref('UsageReport') } } }),
          400: badYear,
          401: unauthorized,
          403: forbidden,
        },
      },
    },
    '/api/v1/staff/services/{service}/costs/{year}': {
      put: {
        operationId: 'setServiceCost',
        tags: ['staff'],
        summary: "Enter or correct a service's costs for a year, in cents",
        security,
        parameters: [pathParameter('service', 'Service id.'), pathParameter('year', 'Year, 2000-2100.', { type: 'integer' }), csrf],
        requestBody: body({ type: 'object', required: ['amountCents'], properties: { amountCents: { type: 'integer', minimum: 0 } } }),
        responses: {
          200: jsonResponse('Stored', ref('ServiceCost')),
          401: unauthorized,
          403: forbidden,
          404: errorResponse('NOT_FOUND (no published service with this id)'),
          422: errorResponse('INVALID_COST'),
        },
      },
    },
    '/api/v1/staff/terminations': {
      post: {
        operationId: 'recordTermination',
        tags: ['staff'],
        summary: "Record a Kommune's written notice; the end date follows (§ 3 (3))",
        security,
        parameters: [csrf],
        requestBody: body({ type: 'object', required: ['tenant', 'noticeDate'], properties: { tenant: { type: 'string' }, noticeDate: date } }),
        responses: {
          201: jsonResponse('Recorded', ref('Termination')),
          401: unauthorized,
          403: forbidden,
          409: errorResponse('TERMINATION_EXISTS'),
          422: errorResponse('INVALID_TERMINATION (unknown tenant, the Kreis, bad or future date)'),
        },
      },
    },
    '/api/v1/staff/terminations/{tenant}': {
      delete: {
        operationId: 'withdrawTermination',
        tags: ['staff'],
        summary: 'Withdraw a termination recorded in error (Kreis admin only)',
        security,
        parameters: [pathParameter('tenant', 'Participant slug.'), csrf],
        responses: { 204: { description: 'Withdrawn' }, 401: unauthorized, 403: forbidden, 404: errorResponse('NOT_FOUND (no termination recorded)') },
      },
    },
    '/api/v1/staff/population': {
      get: {
        operationId: 'getPopulationTables',
        tags: ['staff'],
        summary: 'Stored population tables per reference date, each figure with its source',
        security,
        responses: { 200: jsonResponse('Tables, newest first', { type: 'object', properties: { items: { type: 'array', items: ref('PopulationTable') } } }), 401: unauthorized, 403: forbidden },
      },
    },
    '/api/v1/staff/population/imports': {
      post: {
        operationId: 'importPopulation',
        tags: ['staff'],
        summary: 'Import population figures from CSV or JSON text (all or nothing)',
        security,
        parameters: [csrf],
        requestBody: body({ type: 'object', required: ['format', 'content'], properties: { format: { enum: ['csv', 'json'] }, content: { type: 'string' } } }),
        responses: {
          201: jsonResponse('Imported', {
            type: 'object',
            properties: {
              written: { type: 'integer' },
              referenceDates: { type: 'array', items: { type: 'object', properties: { referenceDate: date, figures: { type: 'integer' }, official: { type: 'boolean' } } } },
            },
          }),
          401: unauthorized,
          403: forbidden,
          422: errorResponse("INVALID_POPULATION_IMPORT (errors[].pointer is 'line N' for CSV or a JSON pointer)"),
        },
      },
    },
    '/api/v1/staff/interfaces': {
      get: {
        operationId: 'getInterfaces',
        tags: ['staff'],
        summary: "The signed-in user's participant's interfaces (§ 2 (1))",
        security,
        responses: { 200: jsonResponse('Interfaces', ref('InterfaceList')), 401: unauthorized },
      },
      put: {
        operationId: 'replaceInterfaces',
        tags: ['staff'],
        summary: "Replace the participant's list of interfaces",
        security,
        parameters: [csrf],
        requestBody: body({ type: 'object', required: ['interfaces'], properties: { interfaces: { type: 'array', maxItems: 50, items: ref('Interface') } } }),
        responses: { 200: jsonResponse('Stored', ref('InterfaceList')), 401: unauthorized, 403: ownForbidden, 422: errorResponse('INVALID_INTERFACES') },
      },
    },
    '/api/v1/staff/usage': {
      get: {
        operationId: 'getUsage',
        tags: ['staff'],
        summary: "The participant's own-cost usage for a year: payments and interfaces (§ 2 (1))",
        security,
        parameters: [year],
        responses: { 200: jsonResponse('Usage', ref('UsageReport')), 400: badYear, 401: unauthorized },
      },
    },
    '/api/v1/staff/submissions/{id}/payment': {
      post: {
        operationId: 'recordPayment',
        tags: ['staff'],
        summary: 'Record the payment a submission carried (until payment providers are connected)',
        security,
        parameters: [pathParameter('id', 'Submission id (UUID).'), csrf],
        requestBody: body({
          type: 'object',
          required: ['amountCents', 'provider'],
          properties: { amountCents: { type: 'integer', minimum: 1 }, provider: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{0,63}$' }, paidAt: { type: 'string', format: 'date-time' } },
        }),
        responses: {
          201: jsonResponse('Recorded', ref('Payment')),
          401: unauthorized,
          403: ownForbidden,
          404: errorResponse('SUBMISSION_NOT_FOUND (also for other participants)'),
          409: errorResponse('PAYMENT_EXISTS'),
          422: errorResponse('INVALID_PAYMENT'),
        },
      },
    },
  },
  schemas: {
    CostShare: {
      type: 'object',
      properties: {
        tenant: { type: 'string' },
        name: { type: 'string' },
        municipalityKey: { type: 'string' },
        agreedOn: date,
        referenceDate: { ...date, description: '30 June of the year before agreedOn.' },
        population: { type: 'integer' },
        source: { type: 'string' },
        official: { type: 'boolean' },
        shareCents: { type: 'integer' },
      },
    },
    CostAllocation: {
      type: 'object',
      description:
        "kind: split (shares, provisional), kreisumlage (all Kommunen still in the agreement take part), kreis-only (no Kommune takes part), kommunen-lead (not a Kreis service), cost-missing (no cost entered), population-missing (missing[], message names the reference dates).",
      properties: {
        service: { type: 'string' },
        title: { type: 'string' },
        lead,
        year: { type: 'integer' },
        kind: { enum: ['split', 'kreisumlage', 'kreis-only', 'kommunen-lead', 'cost-missing', 'population-missing'] },
        amountCents: { type: ['integer', 'null'] },
        participants: { type: 'array', items: { type: 'object', properties: { tenant: { type: 'string' }, name: { type: 'string' }, kind: { enum: ['kreis', 'kommune'] }, agreedOn: date } } },
        provisional: { type: 'boolean' },
        shares: { type: 'array', items: ref('CostShare') },
        missing: { type: 'array', items: { type: 'object', properties: { referenceDate: date, municipalityKey: { type: 'string' }, tenant: { type: 'string' } } } },
        message: { type: 'string' },
      },
    },
    CostReport: {
      type: 'object',
      properties: { year: { type: 'integer' }, provisional: { type: 'boolean' }, services: { type: 'array', items: ref('CostAllocation') } },
    },
    ServiceCost: {
      type: 'object',
      properties: { service: { type: 'string' }, year: { type: 'integer' }, amountCents: { type: 'integer' }, updatedAt: { type: 'string', format: 'date-time' }, updatedBy: { type: 'string' } },
    },
    ParticipationMatrix: {
      type: 'object',
      properties: {
        participants: {
          type: 'array',
          items: { type: 'object', properties: { tenant: { type: 'string' }, name: { type: 'string' }, kind: { enum: ['kreis', 'kommune'] }, key: { type: 'string' }, endsOn: { type: ['string', 'null'] } } },
        },
        services: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              service: { type: 'string' },
              title: { type: 'string' },
              lead,
              kommunenCount: { type: 'integer' },
              offeredByAllKommunen: { type: 'boolean' },
              cells: { type: 'array', items: { type: 'object', properties: { tenant: { type: 'string' }, offered: { type: 'boolean' }, agreedOn: { type: ['string', 'null'] } } } },
            },
          },
        },
      },
    },
    Termination: {
      type: 'object',
      properties: { tenant: { type: 'string' }, noticeDate: date, endsOn: date, recordedBy: { type: 'string' }, recordedAt: { type: 'string', format: 'date-time' } },
    },
    TerminationReport: {
      type: 'object',
      properties: {
        today: date,
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              tenant: { type: 'string' },
              name: { type: 'string' },
              kind: { enum: ['kreis', 'kommune'] },
              status: { enum: ['active', 'terminating', 'ended'] },
              noticeDate: { type: ['string', 'null'] },
              endsOn: { type: ['string', 'null'] },
              acceptsSubmissions: { type: 'boolean' },
              recordedBy: { type: ['string', 'null'] },
              recordedAt: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
    PopulationTable: {
      type: 'object',
      properties: {
        referenceDate: date,
        official: { type: 'boolean' },
        complete: { type: 'boolean' },
        figures: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              municipalityKey: { type: 'string' },
              tenant: { type: ['string', 'null'] },
              name: { type: ['string', 'null'] },
              population: { type: 'integer' },
              source: { type: 'string' },
              official: { type: 'boolean' },
              importedAt: { type: 'string' },
              importedBy: { type: 'string' },
            },
          },
        },
      },
    },
    Interface: {
      type: 'object',
      required: ['name', 'kind', 'since'],
      properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, kind: { enum: ['fit-connect', 'xta', 'email', 'custom'] }, since: date },
    },
    InterfaceList: { type: 'object', properties: { tenant: { type: 'string' }, interfaces: { type: 'array', items: ref('Interface') } } },
    Payment: {
      type: 'object',
      properties: {
        submissionId: { type: 'string' },
        tenant: { type: 'string' },
        service: { type: 'string' },
        amountCents: { type: 'integer' },
        provider: { type: 'string' },
        paidAt: { type: 'string', format: 'date-time' },
        recordedBy: { type: 'string' },
      },
    },
    UsageReport: {
      type: 'object',
      properties: {
        tenant: { type: 'string' },
        year: { type: 'integer' },
        payments: {
          type: 'object',
          properties: {
            count: { type: 'integer' },
            sumCents: { type: 'integer' },
            byProvider: { type: 'array', items: { type: 'object', properties: { provider: { type: 'string' }, count: { type: 'integer' }, sumCents: { type: 'integer' } } } },
          },
        },
        interfaces: { type: 'array', items: ref('Interface') },
      },
    },
  },
};

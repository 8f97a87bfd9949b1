/**
 * The error catalogue of the HTTP API: every error a client can receive has a stable code, an HTTP status and an
 * English message for developers. Citizen-facing German messages travel in `errors[]` (validation details).
 * Other areas add their codes here, one line each.
 */
export const ERRORS = {
  // Request shape
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  INVALID_BODY: { status: 400, message: 'The request body must be a JSON object.' },
  FORBIDDEN_KEY: { status: 400, message: 'The request body contains a forbidden key (__proto__, constructor or prototype).' },
  NESTING_TOO_DEEP: { status: 400, message: 'The request body is nested too deeply.' },
  INVALID_QUERY: { status: 400, message: 'A query parameter is invalid.' },
  INVALID_IDEMPOTENCY_KEY: { status: 400, message: 'The Idempotency-Key header must be 1 to 255 printable ASCII characters.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the allowed limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body must be sent as application/json (UTF-8).' },
  // Lookup
  NOT_FOUND: { status: 404, message: 'The requested resource does not exist.' },
  TENANT_NOT_FOUND: { status: 404, message: 'There is no participant with this slug.' },
  SERVICE_NOT_FOUND: { status: 404, message: 'This participant does not offer the service.' },
  SUBMISSION_NOT_FOUND: { status: 404, message: 'There is no submission with this id.' },
  FORM_VERSION_NOT_FOUND: { status: 404, message: 'There is no published version of this service with this number.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'The method is not allowed for this resource.' },
  // Submissions
  VALIDATION_FAILED: { status: 422, message: 'The submitted data does not match the form.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'The Idempotency-Key was already used with a different request body.' },
  INVALID_STATUS_TRANSITION: { status: 409, message: 'The submission cannot change from its current status to the requested one.' },
  SUBMISSION_ERASED: { status: 410, message: 'The submission of this Idempotency-Key was erased on request and is not stored again; submit anew with a new Idempotency-Key.' },
  // Enablements
  INVALID_ENABLEMENT: { status: 422, message: 'The enablement is invalid.' },
  VERSION_POLICY_UNSATISFIABLE: { status: 422, message: 'No published version of the service matches the version policy.' },
  // Visual editor and offering (staff apps)
  DRAFT_NOT_FOUND: { status: 404, message: 'The service has no draft.' },
  DRAFT_CONFLICT: { status: 409, message: 'The draft was changed by someone else since you loaded it; reload it.' },
  SERVICE_EXISTS: { status: 409, message: 'A service with this id already exists.' },
  VERSION_EXISTS: { status: 409, message: 'This version of the service is already published.' },
  PUBLISH_REFUSED: { status: 422, message: 'Publishing was refused; see errors for the problems and changes.' },
  IMPORT_REFUSED: { status: 422, message: 'The form could not be imported (not a supported form, circular reference, bad id); see errors for the reason.' },
  INVALID_LOCAL_DETAILS: { status: 422, message: 'The local details are invalid.' },
  // Staff authentication
  AUTHENTICATION_REQUIRED: { status: 401, message: 'Sign in first.' },
  INVALID_CREDENTIALS: { status: 401, message: 'E-mail address or password is wrong.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this action.' },
  CSRF_FAILED: { status: 403, message: 'The request failed the CSRF check (X-CSRF-Token header or Origin).' },
  // Agreement (§§ 2, 3)
  PARTICIPANT_TERMINATED: { status: 410, message: 'The participant has left the agreement; its portal takes no new submissions.' },
  POPULATION_TABLE_MISSING: { status: 409, message: 'A population figure needed for the cost split is missing; import the table for the named reference date.' },
  INVALID_POPULATION_IMPORT: { status: 422, message: 'The population import has errors; nothing was imported.' },
  INVALID_COST: { status: 422, message: 'The cost must be a whole number of cents (0 or more) for a year between 2000 and 2100.' },
  INVALID_TERMINATION: { status: 422, message: 'The termination notice is invalid.' },
  TERMINATION_EXISTS: { status: 409, message: 'A termination is already recorded for this participant.' },
  INVALID_INTERFACES: { status: 422, message: 'The list of interfaces is invalid.' },
  INVALID_PAYMENT: { status: 422, message: 'The payment is invalid.' },
  PAYMENT_EXISTS: { status: 409, message: 'This submission already carries a payment.' },
  // Portal: citizens' drafts and barrier reports
  INVALID_DRAFT: { status: 422, message: 'A draft must be sent as { data: object }.' },
  INVALID_RESUME_CODE: { status: 404, message: 'There is no saved draft for this resume code (unknown or expired).' },
  DRAFT_OUTDATED: { status: 410, message: 'The service changed incompatibly since the draft was saved; the draft cannot be resumed.' },
  INVALID_FEEDBACK: { status: 422, message: 'A barrier report needs a message (10 to 5000 characters); page and email are optional.' },
  // Operations
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  INTERNAL_ERROR: { status: 500, message: 'An unexpected error occurred.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One detail of an error, e.g. a failed schema rule; `message` is German when shown to citizens. */
export interface ErrorDetail {
  pointer: string;
  message: string;
}

/** An error the API answers with its catalogue status and a `{ code, message, errors? }` body. */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, details?: ErrorDetail[], message?: string) {
    super(message ?? ERRORS[code].message);
    this.name = 'HttpError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }

  /** The JSON body sent to the client. */
  toBody(): { code: ErrorCode; message: string; errors?: ErrorDetail[] } {
    return this.details ? { code: this.code, message: this.message, errors: this.details } : { code: this.code, message: this.message };
  }
}

/** Creates the HttpError for a catalogue code, optionally with details and a more specific English message. */
export function createHttpError(code: ErrorCode, details?: ErrorDetail[], message?: string): HttpError {
  return new HttpError(code, details, message);
}

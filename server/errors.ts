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
  TOO_MANY_MEMBERS: { status: 400, message: 'The request body has more than 10,000 values.' },
  NUMBER_OUT_OF_RANGE: { status: 400, message: 'The request body contains a number outside the range of a double (such as 1e309).' },
  INVALID_QUERY: { status: 400, message: 'A query parameter is invalid.' },
  INVALID_IDEMPOTENCY_KEY: { status: 400, message: 'The Idempotency-Key header must be 16 to 255 characters from A-Z, a-z, 0-9, "_", ".", ":" and "-" with at least 8 different ones (a random UUID passes).' },
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
  LOGIN_DELAYED: { status: 429, message: 'Too many failed sign-ins for this account; wait for the time given in Retry-After (German notice in errors[0].message).' },
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
  // Online payment (issue 16)
  PAYMENT_REQUIRED: { status: 409, message: 'This service is chargeable at this participant: start the online payment (POST .../payments) instead of submitting directly.' },
  NOT_CHARGEABLE: { status: 409, message: 'This service has no online payment at this participant (no fee, no fee schedule, no provider, or a fee of 0); submit it directly.' },
  PAYMENT_NOT_FOUND: { status: 404, message: 'There is no payment with this id.' },
  PAYMENT_SIGNATURE_INVALID: { status: 403, message: 'The payment return or token is not signed correctly.' },
  PAYMENT_EXPIRED: { status: 410, message: 'The payment expired before it was confirmed; no application was stored. Start again.' },
  PAYMENT_PROVIDER_UNAVAILABLE: { status: 503, message: 'The payment provider cannot be reached; try again later.' },
  PAYMENT_PROVIDER_REFUSED: { status: 502, message: 'The payment provider refused the request or its answer did not match the payment.' },
  INVALID_FEE_SCHEDULE: { status: 422, message: 'A fee schedule is { baseCents, unitCents?, optionCents? } of whole cents (0 to 100,000,000) for a published chargeable service.' },
  INVALID_PAYMENT_PROVIDER: { status: 422, message: 'The payment provider settings are invalid (see errors).' },
  PAYMENT_ALREADY_REFUNDED: { status: 409, message: 'This payment is already refunded.' },
  // Portal: citizens' drafts and barrier reports
  INVALID_DRAFT: { status: 422, message: 'A draft must be sent as { data: object } whose properties and types belong to the form (see errors).' },
  DRAFT_QUOTA_EXCEEDED: { status: 429, message: 'The participant holds the maximum number of saved drafts; try again later.' },
  INVALID_RESUME_CODE: { status: 404, message: 'There is no saved draft for this resume code (unknown or expired).' },
  DRAFT_OUTDATED: { status: 410, message: 'The service changed incompatibly since the draft was saved; the draft cannot be resumed.' },
  INVALID_FEEDBACK: { status: 422, message: 'A barrier report needs a message (10 to 5000 characters); page and email are optional.' },
  // Staff management, second factor, audit view and statistics (issue 14)
  USER_NOT_FOUND: { status: 404, message: 'There is no staff user with this id.' },
  USER_EXISTS: { status: 409, message: 'A staff user with this e-mail address already exists.' },
  INVALID_USER: { status: 422, message: 'The staff user is invalid (e-mail address, role or state).' },
  OWN_ACCOUNT_CHANGE_REFUSED: { status: 409, message: 'You cannot deactivate your own account or change your own role.' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: 'Your password was set by an admin; choose your own password first.' },
  CURRENT_PASSWORD_WRONG: { status: 422, message: 'The current password is wrong.' },
  WEAK_PASSWORD: { status: 422, message: 'The new password must have 12 to 1024 characters and differ from the current one.' },
  TOTP_REQUIRED: { status: 401, message: 'This account has a second factor: send the 6-digit code of your authenticator app as totpCode.' },
  TOTP_ENROLMENT_REQUIRED: { status: 403, message: 'Your role requires a second factor: set up TOTP first.' },
  TOTP_INVALID: { status: 422, message: 'The TOTP code is wrong or was already used.' },
  TOTP_ALREADY_ENABLED: { status: 409, message: 'The second factor is already active.' },
  TOTP_REQUIRED_BY_POLICY: { status: 409, message: 'Your role requires a second factor; it cannot be switched off.' },
  // Legal pages and enable checklist
  INVALID_LEGAL_PAGES: { status: 422, message: 'The legal pages are invalid.' },
  ENABLE_CHECKLIST_INCOMPLETE: { status: 422, message: 'The service cannot be enabled before its enable checklist is complete; see errors for what is missing.' },
  // Delivery (outbox, channels)
  INVALID_DELIVERY_CHANNEL: { status: 422, message: 'The delivery channel is invalid; see errors.' },
  DELIVERY_CHANNEL_NOT_FOUND: { status: 404, message: 'There is no delivery channel with this id.' },
  DELIVERY_CHANNEL_EXISTS: { status: 409, message: 'The participant already has a channel of this kind for this service.' },
  DELIVERY_NOT_FOUND: { status: 404, message: 'There is no delivery with this id.' },
  DELIVERY_NOT_DEAD: { status: 409, message: 'Only a dead-lettered delivery can be sent again.' },
  // Files, application PDF and status for citizens (German texts for citizens travel in errors[])
  UPLOAD_FIELD_NOT_FOUND: { status: 404, message: 'The served version of the service has no file field at this pointer.' },
  UPLOAD_NOT_MULTIPART: { status: 415, message: 'An upload must be sent as multipart/form-data with one file part.' },
  INVALID_UPLOAD: { status: 400, message: 'The upload must contain exactly one file part and nothing else.' },
  UPLOAD_TOO_LARGE: { status: 413, message: 'The file is larger than the field allows.' },
  UPLOAD_TYPE_NOT_ACCEPTED: { status: 415, message: 'The file type (recognised from its bytes) is not accepted by the field.' },
  UPLOAD_INFECTED: { status: 422, message: 'The virus scanner found malware in the file; it was not stored.' },
  SCANNER_UNAVAILABLE: { status: 503, message: 'The virus scanner is not available; try again later.' },
  UPLOAD_NOT_AVAILABLE: { status: 422, message: 'An upload token of the submission is unknown, expired, of another service or already used.' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: 'There is no attachment with this id.' },
  STATUS_NOT_FOUND: { status: 404, message: 'There is no submission with this reference and status code.' },
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
  /** Problems found beyond those listed in `details` (the list is capped). */
  readonly errorsOmitted: number;
  /** Response headers that belong to the error, such as Retry-After. */
  readonly headers: Record<string, string> = {};

  constructor(code: ErrorCode, details?: ErrorDetail[], message?: string, errorsOmitted = 0) {
    super(message ?? ERRORS[code].message);
    this.name = 'HttpError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
    this.errorsOmitted = errorsOmitted;
  }

  /** The JSON body sent to the client. */
  toBody(): { code: ErrorCode; message: string; errors?: ErrorDetail[]; errorsOmitted?: number } {
    const body: { code: ErrorCode; message: string; errors?: ErrorDetail[]; errorsOmitted?: number } = { code: this.code, message: this.message };
    if (this.details) body.errors = this.details;
    if (this.errorsOmitted > 0) body.errorsOmitted = this.errorsOmitted;
    return body;
  }
}

/**
 * Creates the HttpError for a catalogue code, optionally with details, a more specific English message and the
 * number of further problems left out of a capped `details` list.
 */
export function createHttpError(code: ErrorCode, details?: ErrorDetail[], message?: string, errorsOmitted?: number): HttpError {
  return new HttpError(code, details, message, errorsOmitted);
}

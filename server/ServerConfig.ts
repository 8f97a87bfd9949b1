/** Settings of the server, read from the environment by `loadConfig` (see the README for the variables). */
export interface ServerConfig {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Directory of the SQLite file `kreisform.sqlite`; created on first start. */
  dataDir: string;
  /** Directory of the form catalogue (forms/<id>/<version>.json + forms.lock.json). */
  formsDir: string;
  /** Directory of seed files (einwohner.json, population/). */
  seedDir: string;
  /** Enablements seeded on start when the file exists (default SEED_DIR/enablements.json). */
  enablementsFile: string;
  /** Directory of the built renderer, served statically when it exists. */
  rendererDir: string;
  /** The renderer's server-side entry (built by `npm run build`), which renders form pages; none: the browser does. */
  rendererSsrEntry: string;
  /** 'auto': Secure cookies when the request came over https; true/false force it. */
  cookieSecure: 'auto' | boolean;
  logLevel: LogLevel;
  /** Time a client has to send all request headers (slowloris). */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request, body included. */
  requestTimeoutMs: number;
  /** Idle time after which a keep-alive connection is closed. */
  keepAliveTimeoutMs: number;
  /** Largest size of all request headers in bytes. */
  maxHeaderSize: number;
  /** Largest accepted JSON body in bytes (staff and other routes). */
  bodyLimitBytes: number;
  /** Largest submission or draft body in bytes (files travel apart, through the upload route). */
  submissionBodyLimitBytes: number;
  /** Largest submission body for a published version that still has data-URL file fields (files inside the JSON). */
  legacySubmissionBodyLimitBytes: number;
  /** Largest draft body in bytes (drafts are stored without sign-in, so they get their own small limit). */
  draftBodyLimitBytes: number;
  /** Drafts one client IP may save per day. */
  draftsPerIpPerDay: number;
  /** Unexpired drafts one participant keeps at most; saving beyond answers 429 DRAFT_QUOTA_EXCEEDED. */
  draftsPerParticipant: number;
  /** Submissions per client IP and minute. */
  submissionRateLimit: number;
  /** Failed login attempts per client IP and 15 minutes (successful ones do not count). */
  loginRateLimit: number;
  /** Express 'trust proxy' setting: false, true, a hop count or a list of addresses. */
  trustProxy: boolean | number | string;
  /** Lifetime of a staff session in minutes. */
  sessionTtlMinutes: number;
  /** How long an Idempotency-Key is remembered, in hours. */
  idempotencyTtlHours: number;
  /** Interval of the retention job in milliseconds. */
  retentionIntervalMs: number;
  /** Largest transaction of the group commit (submissions committed together). */
  maxCommitBatch: number;
  /** DATABASE_URL: postgres://... runs on PostgreSQL (several server processes may share it); undefined: SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** Connections of one process's PostgreSQL pool (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  /** Roles that must use the TOTP second factor (REQUIRE_TOTP_FOR, e.g. admin,editor); empty: optional for all. */
  requireTotpFor: readonly ('staff' | 'editor' | 'admin')[];
  /** Path of clamd's local socket (CLAMD_SOCKET); undefined: uploads are not scanned ("nicht geprüft"). */
  clamdSocket: string | undefined;
  /** Status lookups per client IP and 15 minutes (STATUS_RATE_LIMIT). */
  statusRateLimit: number;
  /** Delivery after "Absenden" (outbox relay, e-mail, webhooks, FIT-Connect). */
  delivery: DeliveryConfig;
}

/** Settings of the outbox relay and its channels (see the README, "Delivery"). */
export interface DeliveryConfig {
  /** Run the relay inside the server process (`DELIVERY_RELAY`, default true; false when `npm run worker` runs it). */
  relayInServer: boolean;
  /** nodemailer SMTP URL (`SMTP_URL`); unset = no e-mail. */
  smtpUrl: string | undefined;
  /** Sender address of all mails (`MAIL_FROM`). */
  mailFrom: string;
  /** Public base URL of the server for links in mails and webhooks (`PUBLIC_BASE_URL`). */
  publicBaseUrl: string;
  /** Allow outbound targets in private, loopback and link-local ranges (`OUTBOUND_ALLOW_PRIVATE`; SSRF guard off). */
  allowPrivateTargets: boolean;
  /** Relay polling interval when idle, ms. */
  pollMs: number;
  /** Lease of a claimed delivery, ms (longer than any send may take). */
  leaseMs: number;
  /** Deliveries in flight at once per relay. */
  concurrency: number;
  /** First retry delay, ms (doubles per attempt, with jitter). */
  retryBaseMs: number;
  /** Largest retry delay, ms. */
  retryMaxMs: number;
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** Timeout of one outbound HTTP request (webhook, FIT-Connect), ms. */
  httpTimeoutMs: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

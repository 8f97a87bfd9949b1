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
  /** Largest submission or draft body in bytes: attachments travel inside it as data URLs. */
  submissionBodyLimitBytes: number;
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
  /** Roles that must use the TOTP second factor (REQUIRE_TOTP_FOR, e.g. admin,editor); empty: optional for all. */
  requireTotpFor: readonly ('staff' | 'editor' | 'admin')[];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

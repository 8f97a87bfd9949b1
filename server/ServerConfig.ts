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
  /** Largest accepted JSON body in bytes (staff and other routes). */
  bodyLimitBytes: number;
  /** Largest submission or draft body in bytes (files travel apart, through the upload route). */
  submissionBodyLimitBytes: number;
  /** Submissions per client IP and minute. */
  submissionRateLimit: number;
  /** Login attempts per client IP and 15 minutes. */
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
  /** Path of clamd's local socket (CLAMD_SOCKET); undefined: uploads are not scanned ("nicht geprüft"). */
  clamdSocket: string | undefined;
  /** Status lookups per client IP and 15 minutes (STATUS_RATE_LIMIT). */
  statusRateLimit: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

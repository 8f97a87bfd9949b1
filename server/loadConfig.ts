import { resolve } from 'node:path';
import { FORM_PAGE_PRERENDER_ENTRY } from '../contract/formPagePrerender.ts';
import type { LogLevel, ServerConfig } from './ServerConfig.ts';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/**
 * Reads the server settings from environment variables, with defaults for a local start. Throws with the variable's
 * name when a value is malformed, because starting with a silently ignored setting is worse than not starting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ServerConfig {
  const seedDir = resolve(cwd, env.SEED_DIR ?? 'server/seed');
  return {
    port: readInteger(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(cwd, env.DATA_DIR ?? 'data'),
    formsDir: resolve(cwd, env.FORMS_DIR ?? 'forms'),
    seedDir,
    enablementsFile: resolve(cwd, env.ENABLEMENTS_FILE ?? `${seedDir}/enablements.json`),
    rendererDir: resolve(cwd, env.RENDERER_DIR ?? 'dist/renderer'),
    rendererSsrEntry: resolve(cwd, env.RENDERER_SSR_ENTRY ?? FORM_PAGE_PRERENDER_ENTRY),
    cookieSecure: readCookieSecure(env.COOKIE_SECURE),
    logLevel: readLogLevel(env.LOG_LEVEL),
    headersTimeoutMs: readInteger(env, 'HEADERS_TIMEOUT_MS', 20_000, 1000, 600_000),
    requestTimeoutMs: readInteger(env, 'REQUEST_TIMEOUT_MS', 300_000, 1000, 3_600_000),
    keepAliveTimeoutMs: readInteger(env, 'KEEP_ALIVE_TIMEOUT_MS', 5000, 100, 600_000),
    maxHeaderSize: readInteger(env, 'MAX_HEADER_SIZE', 16 * 1024, 1024, 1024 * 1024),
    bodyLimitBytes: readInteger(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    submissionBodyLimitBytes: readInteger(env, 'SUBMISSION_BODY_LIMIT_BYTES', 256 * 1024, 1024, 100 * 1024 * 1024),
    legacySubmissionBodyLimitBytes: readInteger(env, 'LEGACY_SUBMISSION_BODY_LIMIT_BYTES', 24 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    draftBodyLimitBytes: readInteger(env, 'DRAFT_BODY_LIMIT_BYTES', 256 * 1024, 1024, 24 * 1024 * 1024),
    draftsPerIpPerDay: readInteger(env, 'DRAFTS_PER_IP_PER_DAY', 50, 1, 10_000_000),
    draftsPerParticipant: readInteger(env, 'DRAFTS_PER_PARTICIPANT', 20_000, 1, 100_000_000),
    submissionRateLimit: readInteger(env, 'SUBMISSION_RATE_LIMIT', 60, 1, 10_000_000),
    loginRateLimit: readInteger(env, 'LOGIN_RATE_LIMIT', 50, 1, 10_000_000),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    sessionTtlMinutes: readInteger(env, 'SESSION_TTL_MINUTES', 480, 1, 60 * 24 * 30),
    idempotencyTtlHours: readInteger(env, 'IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 30),
    retentionIntervalMs: readInteger(env, 'RETENTION_INTERVAL_MS', 60 * 60 * 1000, 1000, 7 * 24 * 60 * 60 * 1000),
    maxCommitBatch: readInteger(env, 'MAX_COMMIT_BATCH', 256, 1, 10_000),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: readInteger(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    requireTotpFor: readRoles(env.REQUIRE_TOTP_FOR),
    delivery: loadDeliveryConfig(env),
    clamdSocket: env.CLAMD_SOCKET ? resolve(cwd, env.CLAMD_SOCKET) : undefined,
    statusRateLimit: readInteger(env, 'STATUS_RATE_LIMIT', 30, 1, 10_000_000),
  };
}

function loadDeliveryConfig(env: NodeJS.ProcessEnv): ServerConfig['delivery'] {
  return {
    relayInServer: readBoolean(env, 'DELIVERY_RELAY', true),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Serviceportal Kreis Heinsberg <noreply@kreis-heinsberg.example>',
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    allowPrivateTargets: readBoolean(env, 'OUTBOUND_ALLOW_PRIVATE', false),
    pollMs: readInteger(env, 'DELIVERY_POLL_MS', 1000, 10, 600_000),
    leaseMs: readInteger(env, 'DELIVERY_LEASE_MS', 120_000, 1000, 3_600_000),
    concurrency: readInteger(env, 'DELIVERY_CONCURRENCY', 16, 1, 256),
    retryBaseMs: readInteger(env, 'DELIVERY_RETRY_BASE_MS', 60_000, 10, 3_600_000),
    retryMaxMs: readInteger(env, 'DELIVERY_RETRY_MAX_MS', 24 * 3_600_000, 10, 7 * 24 * 3_600_000),
    maxAttempts: readInteger(env, 'DELIVERY_MAX_ATTEMPTS', 13, 1, 100),
    httpTimeoutMs: readInteger(env, 'OUTBOUND_TIMEOUT_MS', 10_000, 100, 120_000),
  };
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`Environment variable ${name}="${raw}" must be true or false.`);
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Environment variable ${name}="${raw}" must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function readCookieSecure(raw: string | undefined): ServerConfig['cookieSecure'] {
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto';
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`Environment variable COOKIE_SECURE="${raw}" must be auto, true or false.`);
}

function readLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  if ((LOG_LEVELS as readonly string[]).includes(raw)) return raw as LogLevel;
  throw new Error(`Environment variable LOG_LEVEL="${raw}" must be one of ${LOG_LEVELS.join(', ')}.`);
}

function readTrustProxy(raw: string | undefined): ServerConfig['trustProxy'] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  return raw;
}

function readRoles(raw: string | undefined): ServerConfig['requireTotpFor'] {
  if (raw === undefined || raw.trim() === '') return [];
  const roles = raw.split(',').map((role) => role.trim());
  for (const role of roles) {
    if (role !== 'staff' && role !== 'editor' && role !== 'admin') {
      throw new Error(`Environment variable REQUIRE_TOTP_FOR="${raw}" must list roles of staff, editor, admin (comma-separated).`);
    }
  }
  return roles as ServerConfig['requireTotpFor'];
}

import { resolve } from 'node:path';
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
    cookieSecure: readCookieSecure(env.COOKIE_SECURE),
    logLevel: readLogLevel(env.LOG_LEVEL),
    bodyLimitBytes: readInteger(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    submissionBodyLimitBytes: readInteger(env, 'SUBMISSION_BODY_LIMIT_BYTES', 256 * 1024, 1024, 100 * 1024 * 1024),
    submissionRateLimit: readInteger(env, 'SUBMISSION_RATE_LIMIT', 60, 1, 10_000_000),
    loginRateLimit: readInteger(env, 'LOGIN_RATE_LIMIT', 20, 1, 10_000_000),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    sessionTtlMinutes: readInteger(env, 'SESSION_TTL_MINUTES', 480, 1, 60 * 24 * 30),
    idempotencyTtlHours: readInteger(env, 'IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 30),
    retentionIntervalMs: readInteger(env, 'RETENTION_INTERVAL_MS', 60 * 60 * 1000, 1000, 7 * 24 * 60 * 60 * 1000),
    maxCommitBatch: readInteger(env, 'MAX_COMMIT_BATCH', 256, 1, 10_000),
    clamdSocket: env.CLAMD_SOCKET ? resolve(cwd, env.CLAMD_SOCKET) : undefined,
    statusRateLimit: readInteger(env, 'STATUS_RATE_LIMIT', 30, 1, 10_000_000),
  };
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

/**
 * Structured log lines (JSON, one per line). Callers pass only technical fields: ids, codes, counts, durations;
 * never submission data, names, e-mail addresses or passwords.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}


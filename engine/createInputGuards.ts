import type { Format } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_SINGLES } from './schemaKeywords.ts';
import { isRecord } from './isRecord.ts';
import { createLinearRegExp, LINEAR_REGEXP_CODE } from './createLinearRegExp.ts';

/**
 * Strings up to this length always get their pattern/format checked, even beyond their maxLength, so a citizen
 * who typed one character too many also learns that the format is wrong.
 */
const GUARD_MIN_LENGTH = 1000;

interface Limit {
  /** Skip the check for strings with more UTF-16 units than this; Infinity = always check. */
  skipAbove: number;
  /** Seen without a maxLength somewhere: never skip. */
  unbounded: boolean;
}

/**
 * Runs schema `pattern`s in linear time (createLinearRegExp) and keeps them and string formats away from over-long
 * input. With `allErrors` Ajv evaluates `pattern` and `format` even when `maxLength` already failed, so a
 * megabyte-long string would still cost a format check or a linear pass over it for nothing.
 *
 * `registerSchema(schema)` records, per pattern source and per format name, the largest maxLength N it is used
 * with. A check is then skipped (counted as passed) for strings longer than 2 * max(N, GUARD_MIN_LENGTH) UTF-16
 * units: such a string has more than N code points, so the maxLength beside the pattern fails anyway and the
 * result stays invalid, with the maxLength error. Limits only grow, so sharing one Ajv instance stays correct.
 * Costs one length comparison per check; no extra schema keywords are evaluated.
 */
export interface InputGuards {
  /** For Ajv's `code.regExp` option. */
  readonly regExp: RegExpEngine;
  /** Wraps a string format the same way (number formats are returned unchanged). */
  guardFormat(name: string, format: Format): Format;
  /** Records the maxLength limits of a schema; call before compiling it. */
  registerSchema(schema: unknown): void;
}

/** Creates the guards of one Ajv instance. */
export function createInputGuards(): InputGuards {
  const patternLimits = new Map<string, Limit>();
  const formatLimits = new Map<string, Limit>();
  const limitOf = (map: Map<string, Limit>, key: string): Limit => {
    let limit = map.get(key);
    if (!limit) {
      limit = { skipAbove: Infinity, unbounded: false };
      map.set(key, limit);
    }
    return limit;
  };
  const record = (limit: Limit, maxLength: unknown): void => {
    if (typeof maxLength !== 'number' || !Number.isFinite(maxLength)) {
      limit.unbounded = true;
      limit.skipAbove = Infinity;
      return;
    }
    if (limit.unbounded) return;
    const skipAbove = 2 * Math.max(maxLength, GUARD_MIN_LENGTH);
    limit.skipAbove = limit.skipAbove === Infinity ? skipAbove : Math.max(limit.skipAbove, skipAbove);
  };

  const regExp = ((pattern: string, flags: string) => {
    const expression = createLinearRegExp(pattern, flags);
    const limit = limitOf(patternLimits, pattern);
    // Ajv caches compiled patterns by toString(): it must name the expression, not "[object Object]".
    return {
      test: (value: string) => value.length > limit.skipAbove || expression.test(value),
      toString: () => expression.toString(),
    };
  }) as RegExpEngine;
  regExp.code = LINEAR_REGEXP_CODE;

  function guardFormat(name: string, format: Format): Format {
    const limit = limitOf(formatLimits, name);
    const guard = (check: RegExp | ((value: string) => boolean)) => {
      const test = check instanceof RegExp ? (value: string) => check.test(value) : check;
      return (value: string) => value.length > limit.skipAbove || test(value);
    };
    if (format instanceof RegExp || typeof format === 'function') return { type: 'string', validate: guard(format) };
    if (typeof format !== 'object' || format.type === 'number' || format.async) return format;
    const check = typeof format.validate === 'string' ? new RegExp(format.validate, 'u') : format.validate;
    const guarded = guard(check as RegExp | ((value: string) => boolean));
    return { ...(format as object), type: 'string', validate: guarded } as Format;
  }

  function registerSchema(schema: unknown, depth = 0): void {
    if (!isRecord(schema) || depth > 64) return;
    if (typeof schema.pattern === 'string') record(limitOf(patternLimits, schema.pattern), schema.maxLength);
    if (typeof schema.format === 'string') record(limitOf(formatLimits, schema.format), schema.maxLength);
    for (const keyword of SCHEMA_MAPS) {
      const map = schema[keyword];
      if (isRecord(map)) for (const child of Object.values(map)) registerSchema(child, depth + 1);
    }
    for (const keyword of SCHEMA_SINGLES) registerSchema(schema[keyword], depth + 1);
    for (const keyword of SCHEMA_LISTS) {
      const list = schema[keyword];
      if (Array.isArray(list)) for (const child of list) registerSchema(child, depth + 1);
    }
  }

  return { regExp, guardFormat, registerSchema: (schema) => registerSchema(schema) };
}

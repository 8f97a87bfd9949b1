import type { XmlElement } from './XmlElement.ts';

/** Constraints of a FIM data field (`praezisierung`), numbers already parsed. */
export interface Praezisierung {
  minLength?: number;
  maxLength?: number;
  minValue?: string;
  maxValue?: string;
  pattern?: string;
}

export interface ParsePraezisierungResult {
  praezisierung: Praezisierung;
  /** English descriptions of parts that could not be read. */
  problems: string[];
}

const KEYS = ['minLength', 'maxLength', 'minValue', 'maxValue', 'pattern'] as const;

function toLength(value: string, key: string, problems: string[]): number | undefined {
  if (/^\s*[0-9]+\s*$/.test(value)) return Number(value);
  problems.push(`${key} "${value}" is not a non-negative whole number; ignored.`);
  return undefined;
}

function collect(read: (key: (typeof KEYS)[number]) => string | undefined, problems: string[]): Praezisierung {
  const result: Praezisierung = {};
  const minLength = read('minLength');
  const maxLength = read('maxLength');
  if (minLength !== undefined && minLength !== '') result.minLength = toLength(minLength, 'minLength', problems);
  if (maxLength !== undefined && maxLength !== '') result.maxLength = toLength(maxLength, 'maxLength', problems);
  const minValue = read('minValue')?.trim();
  const maxValue = read('maxValue')?.trim();
  const pattern = read('pattern');
  if (minValue) result.minValue = minValue;
  if (maxValue) result.maxValue = maxValue;
  if (pattern) result.pattern = pattern;
  for (const key of KEYS) if (result[key] === undefined) delete result[key];
  return result;
}

/**
 * Reads a field's `praezisierung`: in XDatenfelder 2 a JSON text such as `{"minLength":"1","maxLength":"50"}`,
 * in XDatenfelder 3 attributes (`minLength`, `maxLength`, `minValue`, `maxValue`, `pattern`). Unreadable parts
 * are reported as problems, never thrown.
 */
export function parsePraezisierung(element: XmlElement | undefined): ParsePraezisierungResult {
  const problems: string[] = [];
  if (!element) return { praezisierung: {}, problems };
  const attributes = new Map(element.attributeEntries());
  if (KEYS.some((key) => attributes.has(key))) {
    return { praezisierung: collect((key) => attributes.get(key), problems), problems };
  }
  const text = element.text();
  if (!text) return { praezisierung: {}, problems };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(`praezisierung "${text.slice(0, 200)}" is not JSON; ignored.`);
    return { praezisierung: {}, problems };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`praezisierung "${text.slice(0, 200)}" is not a JSON object; ignored.`);
    return { praezisierung: {}, problems };
  }
  const record = parsed as Record<string, unknown>;
  const read = (key: string): string | undefined => {
    const value = record[key];
    return value === undefined || value === null ? undefined : String(value);
  };
  return { praezisierung: collect(read, problems), problems };
}

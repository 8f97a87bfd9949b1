import { toAsciiWords } from './toAsciiWords.ts';

const MAX_LENGTH = 60;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function camelCase(words: readonly string[]): string {
  let name = '';
  for (const [index, word] of words.entries()) {
    const part = index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1);
    if (name && name.length + part.length > MAX_LENGTH) break;
    name += part;
  }
  return name.slice(0, MAX_LENGTH);
}

/**
 * Derives a stable camelCase ASCII identifier from a German element name, unique among `taken` (which it extends).
 * Parenthesised remarks are left out ("Natürliche Person (abstrakt)" gives `natuerlichePerson`); a clash gets a
 * number suffix (`ort`, `ort2`); a name without letters falls back to `fallback` (e.g. the FIM id).
 */
export function toPropertyName(name: string, fallback: string, taken: Set<string>): string {
  const withoutRemarks = name.replace(/\([^)]*\)/g, ' ');
  let base = camelCase(toAsciiWords(withoutRemarks));
  if (!base) base = camelCase(toAsciiWords(name));
  if (!base) base = camelCase(toAsciiWords(fallback)) || 'feld';
  if (/^[0-9]/.test(base)) base = `f${base}`;
  let candidate = base;
  for (let suffix = 2; taken.has(candidate) || RESERVED.has(candidate); suffix += 1) candidate = `${base}${suffix}`;
  taken.add(candidate);
  return candidate;
}

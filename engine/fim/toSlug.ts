import { toAsciiWords } from './toAsciiWords.ts';

const MAX_LENGTH = 64;

/**
 * Turns a German name into a definition id slug (`^[a-z0-9]+(-[a-z0-9]+)*$`, 3 to 64 characters):
 * "Antrag Blaue Karte EU" gives `antrag-blaue-karte-eu`. Falls back to `fallback` when too little is left.
 */
export function toSlug(name: string, fallback: string): string {
  let slug = '';
  for (const word of toAsciiWords(name).map((part) => part.toLowerCase())) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  if (slug.length >= 3) return slug;
  const fallbackSlug = toAsciiWords(fallback).join('-').toLowerCase().slice(0, MAX_LENGTH).replace(/-+$/, '');
  return fallbackSlug.length >= 3 ? fallbackSlug : `fim-${fallbackSlug || 'import'}`;
}

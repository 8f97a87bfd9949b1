import type { CatalogueEntry } from './portalApi.ts';

/** Lower case, umlauts and ß folded ('Straße' -> 'strasse'), so 'Gebuehr' finds 'Gebühr' and back. */
export function normalizeSearchText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * The catalogue entries matching a search (every word must occur in title, description, category or keywords)
 * and, when given, a category.
 */
export function filterCatalogue(entries: readonly CatalogueEntry[], query: string, category: string): CatalogueEntry[] {
  const words = normalizeSearchText(query).split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (category && entry.category !== category) return false;
    if (words.length === 0) return true;
    const haystack = normalizeSearchText([entry.title, entry.description, entry.category ?? '', ...entry.keywords].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/** The distinct categories of a catalogue, sorted German-alphabetically. */
export function listCategories(entries: readonly CatalogueEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.category).filter((category): category is string => Boolean(category)))].sort(
    (a, b) => a.localeCompare(b, 'de'),
  );
}

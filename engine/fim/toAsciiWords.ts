const GERMAN: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

/**
 * Splits German text into ASCII words: umlauts become ae/oe/ue, ß becomes ss, other accents are dropped and every
 * other character separates words. `toAsciiWords('Straße & Größe')` is `['Strasse', 'Groesse']`.
 */
export function toAsciiWords(text: string): string[] {
  const ascii = text
    .replace(/[äöüÄÖÜßẞ]/g, (letter) => GERMAN[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return ascii.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

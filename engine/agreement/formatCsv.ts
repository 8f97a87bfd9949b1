import { neutraliseCsvFormula } from '../neutraliseCsvFormula.ts';

/**
 * Formats rows as RFC 4180 CSV (comma, CRLF). Text cells that a spreadsheet would run as a formula get a leading
 * apostrophe (neutraliseCsvFormula); numbers are written as they are.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(formatCell).join(',')).join('\r\n') + '\r\n';
}

function formatCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutraliseCsvFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

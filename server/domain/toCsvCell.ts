import { neutraliseCsvFormula } from '../../engine/neutraliseCsvFormula.ts';

/**
 * One CSV cell (semicolon-separated, RFC 4180 quoting). Formula-like text gets an apostrophe first
 * (neutraliseCsvFormula, CSV injection). Objects and arrays become JSON.
 */
export function toCsvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text: string;
  if (typeof value === 'string') text = neutraliseCsvFormula(value);
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

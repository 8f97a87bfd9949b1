/**
 * One CSV cell (semicolon-separated, RFC 4180 quoting). Text starting with =, +, -, @, tab or CR is prefixed with
 * an apostrophe so spreadsheet programs do not run it as a formula (CSV injection). Objects and arrays become JSON.
 */
export function toCsvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text: string;
  if (typeof value === 'string') text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

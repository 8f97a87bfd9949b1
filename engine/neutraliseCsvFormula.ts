/**
 * A text cell a spreadsheet would run as a formula, following the OWASP CSV-injection guidance: starting with
 * =, +, -, @, tab, CR or LF, also after leading whitespace, and the full-width forms ＝ ＋ － ＠ that spreadsheet
 * programs normalise.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/;

/** Prefixes formula-like text with an apostrophe so that spreadsheet programs show it as text. */
export function neutraliseCsvFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

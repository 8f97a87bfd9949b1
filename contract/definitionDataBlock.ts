/**
 * The served definition travels with the form and service pages as a JSON data block
 * (`<script type="application/json" id="kf-definition">`): the browser never executes it, so the strict CSP
 * (script-src 'self', no inline scripts) is untouched, and the portal renders the form without asking for it.
 */
export const DEFINITION_DATA_BLOCK_ID = 'kf-definition';

/**
 * `value` as a JSON data block element. `<`, `>` and `&` are written as \u escapes (valid JSON, the same value),
 * so no text inside the data (`</script>`, `<!--`) can end the element or change how the HTML parser reads it;
 * U+2028/U+2029 are escaped as well. `id` must be a plain token.
 */
export function toJsonDataBlock(id: string, value: unknown): string {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`toJsonDataBlock: unsafe id "${id}"`);
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** Inserts HTML (e.g. a data block) into a page right before `</head>`; a page without one gets it at the start. */
export function insertIntoHead(html: string, fragment: string): string {
  const at = html.indexOf('</head>');
  return at === -1 ? fragment + html : html.slice(0, at) + fragment + html.slice(at);
}

/** Reads and removes the page's JSON data block `id` (browser only); undefined when absent or unreadable. */
export function takeJsonDataBlock(id: string): unknown {
  const element = typeof document === 'undefined' ? null : document.getElementById(id);
  if (!element || element.getAttribute('type') !== 'application/json') return undefined;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '') as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The safe text format of pages participants write themselves (Impressum, Datenschutzerklärung, contact): plain
 * text with a few rules, never HTML. Blocks are separated by an empty line; a block whose lines all start with "- "
 * is a bullet list; a line starting with "## " at the start of a block is a heading; other line breaks stay line breaks (addresses).
 * Links are written `[Text](https://…)`, `[Text](mailto:…)` or `[Text](tel:…)`; anything else is literal text, so
 * nothing a participant types can become markup or script. Renderers build elements from the parsed blocks.
 */

export type SafeInline = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

export type SafeBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; lines: SafeInline[][] }
  | { kind: 'list'; items: SafeInline[][] };

/** A problem of a safe text, with a German message for the participant's admin. */
export interface SafeTextProblem {
  message: string;
}

const LINK = /\[([^\]\n]{1,300})\]\(([^)\s]{1,500})\)/g;
const ALLOWED_HREF = /^(?:https:\/\/[^\s<>"']+|mailto:[^\s@<>"']+@[^\s@<>"']+|tel:\+?[0-9 ()/-]{3,40})$/;

/** True for the link targets the format allows: https:, mailto: and tel:. */
export function isAllowedHref(href: string): boolean {
  return ALLOWED_HREF.test(href);
}

function parseInline(line: string): SafeInline[] {
  const parts: SafeInline[] = [];
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    const [whole, text, href] = match as unknown as [string, string, string];
    const start = match.index ?? 0;
    if (!isAllowedHref(href)) continue;
    if (start > last) parts.push({ kind: 'text', text: line.slice(last, start) });
    parts.push({ kind: 'link', text, href });
    last = start + whole.length;
  }
  if (last < line.length) parts.push({ kind: 'text', text: line.slice(last) });
  return parts;
}

/** Parses a safe text into blocks (links with a target that is not allowed stay literal text). */
export function parseSafeText(source: string): SafeBlock[] {
  const blocks: SafeBlock[] = [];
  const normalized = source.replace(/\r\n?/g, '\n');
  for (const raw of normalized.split(/\n[ \t]*\n/)) {
    const lines = raw.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
    if (lines[0]?.startsWith('## ')) {
      blocks.push({ kind: 'heading', text: lines[0].slice(3).trim() });
      lines.shift();
    }
    if (lines.length === 0) continue;
    if (lines.every((line) => line.trimStart().startsWith('- '))) {
      blocks.push({ kind: 'list', items: lines.map((line) => parseInline(line.trimStart().slice(2).trim())) });
    } else {
      blocks.push({ kind: 'paragraph', lines: lines.map((line) => parseInline(line.trim())) });
    }
  }
  return blocks;
}

/** Checks a safe text: links must point to https:, mailto: or tel:; no HTML tags. German messages. */
export function checkSafeText(source: string): SafeTextProblem[] {
  const problems: SafeTextProblem[] = [];
  for (const match of source.matchAll(LINK)) {
    const [, text, href] = match as unknown as [string, string, string];
    if (!isAllowedHref(href)) {
      problems.push({ message: `Der Link „${text}“ führt zu „${href}“: erlaubt sind nur Adressen mit https://, mailto: oder tel:.` });
    }
  }
  if (/<\s*\/?\s*[a-z][^>]*>/i.test(source)) {
    problems.push({ message: 'HTML ist nicht erlaubt. Bitte schreiben Sie Text; Links als [Text](https://…), Listen mit „- “ am Zeilenanfang.' });
  }
  return problems;
}

/** Length in code points, as JSON Schema's minLength/maxLength count (not UTF-16 units like String#length). */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** Shortens to at most `maxLength` code points (never splitting a surrogate pair), marking the cut with "…". */
export function truncateText(text: string, maxLength: number): string {
  if (codePointLength(text) <= maxLength) return text;
  return `${Array.from(text).slice(0, maxLength - 1).join('').trimEnd()}…`;
}

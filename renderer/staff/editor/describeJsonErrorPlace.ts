/** Where the browser's (English) JSON.parse error points, in German: " (Zeile 3, Spalte 7)", or '' when unknown. */
export function describeJsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return ` (Zeile ${lineColumn[1]}, Spalte ${lineColumn[2]})`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    return ` (Zeile ${before.length}, Spalte ${before[before.length - 1]!.length + 1})`;
  }
  if (/end of (JSON )?input/i.test(message)) return ' (es endet zu früh)';
  return '';
}

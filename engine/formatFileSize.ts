// Created on first use: the first Intl formatter of a page costs tens of milliseconds (ICU set-up), which the
// portal's form should not pay before its first paint.
let numberFormat: Intl.NumberFormat | undefined;
const format = () => (numberFormat ??= new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }));

/** A file size in German, e.g. '512 Byte', '3,5 KB', '10 MB' (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${format().format(bytes / 1024)} KB`;
  return `${format().format(bytes / (1024 * 1024))} MB`;
}

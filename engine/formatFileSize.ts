import { createLazyValue } from './createLazyValue.ts';

const format = createLazyValue(() => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }));

/** A file size in German, e.g. '512 Byte', '3,5 KB', '10 MB' (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${format().format(bytes / 1024)} KB`;
  return `${format().format(bytes / (1024 * 1024))} MB`;
}

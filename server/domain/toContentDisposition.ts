/**
 * `Content-Disposition: attachment` with a file name: an ASCII fallback (`filename`, quotes and non-ASCII replaced)
 * and the exact UTF-8 name (`filename*`, RFC 5987/6266).
 */
export function toContentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'datei';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

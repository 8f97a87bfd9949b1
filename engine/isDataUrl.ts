/**
 * A file as rjsf's file widget produces it: `data:<mime>;name=<url-encoded file name>;base64,<data>`.
 * The MIME type may be missing (unknown file types); the name must be present and the data valid base64.
 */
export function isDataUrl(value: string): boolean {
  const match = /^data:([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)?;name=([^;,]+);base64,([A-Za-z0-9+/]*={0,2})$/i.exec(value);
  if (!match) return false;
  const data = match[3]!;
  if (data.length === 0 || data.length % 4 !== 0) return false;
  try {
    return decodeURIComponent(match[2]!).trim().length > 0;
  } catch {
    return false;
  }
}

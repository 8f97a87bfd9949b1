import { createHash } from 'node:crypto';

/** SHA-256 of a UTF-8 text as 'sha256:<hex>', the form used in forms/forms.lock.json. */
export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

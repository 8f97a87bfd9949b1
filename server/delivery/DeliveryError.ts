/**
 * A delivery failure with a technical, personal-data-free description (stored as the delivery's last error and
 * logged). `permanent` failures are dead-lettered at once instead of retried (e.g. a definition without LeiKa key).
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * The safe description of any error thrown by a sender. Messages of foreign errors are never used (an SMTP reply
 * may quote the recipient's address): only our own DeliveryError texts, Node's error codes and SMTP reply codes.
 */
export function describeDeliveryError(error: unknown): { text: string; permanent: boolean } {
  if (error instanceof DeliveryError) return { text: `${error.code}: ${error.message}`, permanent: error.permanent };
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return { text: 'TIMEOUT: no answer in time', permanent: false };
    const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
    const safeCode = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
    if (typeof responseCode === 'number') return { text: `SMTP_${safeCode ?? 'ERROR'}: reply ${responseCode}`, permanent: false };
    if (safeCode) return { text: `${safeCode}: network or protocol error`, permanent: false };
  }
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'unknown';
  return { text: `UNEXPECTED: ${name}`, permanent: false };
}

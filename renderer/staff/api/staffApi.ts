/** A failed API call: the server's stable error code, its message and details (e.g. definition problems). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: { pointer: string; message: string }[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : 'UNKNOWN';
    this.errors = Array.isArray(body.errors) ? (body.errors as { pointer: string; message: string }[]) : [];
    this.body = body;
  }
}

let csrfToken = '';

/** Fired on window when the server answers 401 (the session expired): the app shows the login page. */
export const SIGNED_OUT_EVENT = 'kf-staff-signed-out';

/** Remembers the CSRF token of the current session (sent with every changing request). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : {};
  if (response.status === 401 && path !== '/api/v1/staff/login') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) throw new ApiError(response.status, typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {});
  return parsed as T;
}

/** The staff API client: JSON in and out, session cookie and CSRF header included. */
export const staffApi = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

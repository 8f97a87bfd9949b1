import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../AppDeps.ts';
import { createHttpError } from '../errors.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Stores a barrier report ("Barriere melden", no account): message 10-5000 characters, optional page (<= 500) and
 * e-mail address for an answer. 404 for an unknown participant; 422 INVALID_FEEDBACK for anything else malformed.
 */
export async function submitAccessibilityFeedback(deps: AppDeps, input: { tenant: string; body: unknown }): Promise<{ id: string }> {
  if (!(await deps.storage.participants.get(input.tenant))) throw createHttpError('TENANT_NOT_FOUND');
  const body = input.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw createHttpError('INVALID_FEEDBACK');
  const { page = '', message, email } = body;
  const unknownKeys = Object.keys(body).filter((key) => !['page', 'message', 'email'].includes(key));
  const valid =
    unknownKeys.length === 0 &&
    typeof page === 'string' &&
    page.length <= 500 &&
    typeof message === 'string' &&
    message.trim().length >= 10 &&
    message.length <= 5000 &&
    (email === undefined || (typeof email === 'string' && email.length <= 254 && EMAIL.test(email)));
  if (!valid) throw createHttpError('INVALID_FEEDBACK');
  const id = randomUUID();
  await deps.storage.accessibilityFeedback.create({
    id,
    tenant: input.tenant,
    page: (page as string).trim(),
    message: (message as string).trim(),
    email: typeof email === 'string' ? email : null,
    receivedAt: deps.now().toISOString(),
  });
  return { id };
}

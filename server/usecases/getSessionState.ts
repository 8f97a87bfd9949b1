import type { AppDeps } from '../AppDeps.ts';
import { hashSessionToken } from '../middleware/requireStaff.ts';
import { describePendingSteps, type PendingSteps } from './describePendingSteps.ts';

export interface SessionState {
  /** The signed-in user, or null without a valid session. */
  user: ({ id: string; tenant: string; email: string; role: string } & PendingSteps) | null;
  csrfToken: string | null;
  participant: { slug: string; name: string; portalName: string; kind: string } | null;
}

/**
 * Whether a session token belongs to a valid session, and whose. Lets the staff app find out on start whether it
 * must show the login page without provoking a 401 (which browsers log as an error).
 */
export async function getSessionState(deps: AppDeps, token: string | undefined): Promise<SessionState> {
  const found = token ? await deps.storage.sessions.findValid(hashSessionToken(token), deps.now().toISOString()) : undefined;
  if (!found) return { user: null, csrfToken: null, participant: null };
  const { user, session } = found;
  const participant = await deps.storage.participants.get(user.tenant);
  return {
    user: { id: user.id, tenant: user.tenant, email: user.email, role: user.role, ...describePendingSteps(deps, user) },
    csrfToken: session.csrfToken,
    participant: participant ? { slug: participant.slug, name: participant.name, portalName: participant.portalName, kind: participant.kind } : null,
  };
}

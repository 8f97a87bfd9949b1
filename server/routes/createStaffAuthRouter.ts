import { Router } from 'express';
import type { AppDeps } from '../AppDeps.ts';
import { buildSessionCookie, readSessionToken } from '../auth/sessionCookie.ts';
import { createRateLimit } from '../middleware/createRateLimit.ts';
import { getStaffContext } from '../middleware/getStaffContext.ts';
import { parseJsonBody } from '../middleware/parseJsonBody.ts';
import { hashSessionToken, requireStaff } from '../middleware/requireStaff.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { describePendingSteps } from '../usecases/describePendingSteps.ts';
import { loginStaff } from '../usecases/loginStaff.ts';

/** Staff sign-in (mounted at /api/v1/staff): login, logout, me. */
export function createStaffAuthRouter(deps: AppDeps): Router {
  const router = Router();
  // Per IP only failures count; the per-account delay (loginStaff) stops guessing one password from many IPs.
  const loginLimit = createRateLimit(deps, 'login', deps.config.loginRateLimit, 15 * 60_000, { failuresOnly: true });
  const anyRole = requireStaff(deps, ['staff', 'editor', 'admin'], { allowPending: true });

  router.post('/login', loginLimit, ...parseJsonBody(deps.config.bodyLimitBytes), async (req, res) => {
    const login = await loginStaff(deps, req.body);
    res.set('Set-Cookie', buildSessionCookie(req, deps.config, login.token, login.maxAgeSeconds));
    res.json({ user: toPublicUser(deps, login.user), csrfToken: login.csrfToken, participant: await participantOf(deps, login.user) });
  });

  router.post('/logout', anyRole, async (req, res) => {
    const token = readSessionToken(req);
    if (token) await deps.storage.sessions.delete(hashSessionToken(token));
    res.set('Set-Cookie', buildSessionCookie(req, deps.config, '', 0));
    res.status(204).end();
  });

  router.get('/me', anyRole, async (_req, res) => {
    const { user, session } = getStaffContext(res);
    res.json({ user: toPublicUser(deps, user), csrfToken: session.csrfToken, participant: await participantOf(deps, user) });
  });

  return router;
}

function toPublicUser(deps: AppDeps, user: StaffUser) {
  return { id: user.id, tenant: user.tenant, email: user.email, role: user.role, ...describePendingSteps(deps, user) };
}

async function participantOf(deps: AppDeps, user: StaffUser) {
  const participant = await deps.storage.participants.get(user.tenant);
  return participant ? { slug: participant.slug, name: participant.name, portalName: participant.portalName, kind: participant.kind } : null;
}

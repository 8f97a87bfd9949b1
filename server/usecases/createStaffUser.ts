import { randomUUID } from 'node:crypto';
import { isParticipantSlug, PARTICIPANTS } from '../../engine/index.ts';
import { hashPassword } from '../auth/hashPassword.ts';
import { createHttpError, type ErrorDetail } from '../errors.ts';
import type { Storage } from '../storage/Storage.ts';
import type { StaffRole, StaffUser } from '../storage/UserRepository.ts';

const ROLES: readonly StaffRole[] = ['staff', 'editor', 'admin'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a staff user with a password chosen by the operator (`npm run forms -- create-user`, e.g. the first admin
 * of a new installation); the participants are seeded first so a new database works. The user and its audit event
 * ('user.created' by `actor`) are written in one transaction. Throws INVALID_USER, WEAK_PASSWORD or USER_EXISTS.
 */
export async function createStaffUser(
  storage: Pick<Storage, 'participants' | 'staffAccounts'>,
  input: { tenant: string; email: string; role: string; password: string },
  actor: string,
  now: Date,
): Promise<StaffUser> {
  const problems: ErrorDetail[] = [];
  if (!isParticipantSlug(input.tenant)) problems.push({ pointer: '/tenant', message: `tenant must be one of ${PARTICIPANTS.map((p) => p.slug).join(', ')}` });
  if (!EMAIL.test(input.email) || input.email.length > 320) problems.push({ pointer: '/email', message: 'email must be an e-mail address' });
  if (!(ROLES as readonly string[]).includes(input.role)) problems.push({ pointer: '/role', message: `role must be one of ${ROLES.join(', ')}` });
  if (problems.length > 0) throw createHttpError('INVALID_USER', problems);
  if ([...input.password].length < 12 || input.password.length > 1024) throw createHttpError('WEAK_PASSWORD');
  await storage.participants.seed(PARTICIPANTS);
  const user: StaffUser = { id: randomUUID(), tenant: input.tenant, email: input.email, role: input.role as StaffRole, disabled: false, createdAt: now.toISOString() };
  const outcome = await storage.staffAccounts.create(
    { ...user, passwordHash: await hashPassword(input.password), mustChangePassword: false },
    { tenant: user.tenant, actor, action: 'user.created', subject: user.id, details: { role: user.role } },
  );
  if (outcome === 'exists') throw createHttpError('USER_EXISTS');
  return user;
}

import { createHttpError } from '../errors.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

/** The participant whose editors author and publish services for all (§ 1 (2) of the agreement). */
export const KREIS_TENANT = 'kreis-heinsberg';

/** Throws FORBIDDEN unless the user is a Kreis editor (role 'editor' or 'admin' at the Kreis). */
export function assertKreisEditor(user: StaffUser): void {
  if (user.tenant !== KREIS_TENANT || (user.role !== 'editor' && user.role !== 'admin')) throw createHttpError('FORBIDDEN');
}

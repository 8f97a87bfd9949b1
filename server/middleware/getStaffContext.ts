import type { Response } from 'express';
import type { StaffSession } from '../storage/SessionRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

/** The signed-in staff user of a request; the tenant of every staff action comes from here, never from the client. */
export interface StaffContext {
  user: StaffUser;
  session: StaffSession;
}

/** The staff context set by requireStaff; throws (a programming error) on a route without requireStaff. */
export function getStaffContext(res: Response): StaffContext {
  const context = res.locals.staff as StaffContext | undefined;
  if (!context) throw new Error('getStaffContext: route is missing the requireStaff middleware');
  return context;
}

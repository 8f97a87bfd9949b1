import type { AppDeps } from '../AppDeps.ts';
import type { StaffUser } from '../storage/UserRepository.ts';

/** What a signed-in user must do before the staff app opens, and whether the second factor is active. */
export interface PendingSteps {
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** The user's role requires TOTP (REQUIRE_TOTP_FOR). */
  totpRequired: boolean;
}

/** The pending steps of a user: a one-time password to replace, a second factor the role requires. */
export function describePendingSteps(deps: Pick<AppDeps, 'config'>, user: StaffUser): PendingSteps {
  return {
    mustChangePassword: user.mustChangePassword === true,
    totpEnabled: user.totpEnabled === true,
    totpRequired: deps.config.requireTotpFor.includes(user.role),
  };
}

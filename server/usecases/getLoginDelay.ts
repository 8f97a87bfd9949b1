/** Failed sign-ins of an account that cost nothing; each further one doubles the wait. */
export const FREE_LOGIN_FAILURES = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/**
 * The wait after an account's `failures`-th failed sign-in: none for the first FREE_LOGIN_FAILURES, then 30 s,
 * 1 min, 2 min, ... up to 15 minutes. Short enough that a stranger cannot keep a colleague out for long, long
 * enough that guessing a password takes years.
 */
export function getLoginDelay(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_LOGIN_FAILURES));
}

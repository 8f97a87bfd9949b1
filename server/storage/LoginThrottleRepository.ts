/** Failed sign-ins of one account (keyed by the normalised e-mail address, whether or not the account exists). */
export interface LoginFailures {
  failures: number;
  /** ISO time before which no password is checked for this account. */
  lockedUntil: string | null;
}

/** Per-account counters of failed sign-ins, for growing delays. */
export interface LoginThrottleRepository {
  get(accountKey: string): Promise<LoginFailures | undefined>;
  /** Records one more failure and the resulting lock; returns the new count. */
  recordFailure(accountKey: string, at: string, lockedUntil: (failures: number) => string | null): Promise<LoginFailures>;
  /** A successful sign-in clears the account's failures. */
  clear(accountKey: string): Promise<void>;
  /** Forgets failures older than `before` (ISO). */
  forgetBefore(before: string): Promise<number>;
}

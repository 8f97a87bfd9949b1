import type { LoginFailures, LoginThrottleRepository } from '../LoginThrottleRepository.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface Row {
  failures: number;
  locked_until: string | null;
}

/**
 * Failed sign-ins per account in table login_failures (migration 61). Several processes count into one row: the
 * increment is an UPSERT that holds the row lock until the lock time is written in the same transaction, so no
 * failure is lost and each count gets its own lock time.
 */
export class PostgresLoginThrottleRepository implements LoginThrottleRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async get(accountKey: string): Promise<LoginFailures | undefined> {
    const row = await this.db.get<Row>('SELECT failures, locked_until FROM login_failures WHERE account_key = ?', [accountKey]);
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : undefined;
  }

  recordFailure(accountKey: string, at: string, lockedUntil: (failures: number) => string | null): Promise<LoginFailures> {
    return this.db.write(async (tx) => {
      const row = await tx.get<{ failures: number }>(
        `INSERT INTO login_failures (account_key, failures, last_failure_at, locked_until) VALUES (?, 1, ?, NULL)
         ON CONFLICT (account_key) DO UPDATE SET failures = login_failures.failures + 1, last_failure_at = excluded.last_failure_at
         RETURNING failures`,
        [accountKey, at],
      );
      const failures = row!.failures;
      const lock = lockedUntil(failures);
      await tx.run('UPDATE login_failures SET locked_until = ? WHERE account_key = ?', [lock, accountKey]);
      return { failures, lockedUntil: lock };
    });
  }

  async clear(accountKey: string): Promise<void> {
    await this.db.run('DELETE FROM login_failures WHERE account_key = ?', [accountKey]);
  }

  forgetBefore(before: string): Promise<number> {
    return this.db.run('DELETE FROM login_failures WHERE last_failure_at < ?', [before]);
  }
}

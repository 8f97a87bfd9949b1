import type { LoginFailures, LoginThrottleRepository } from '../LoginThrottleRepository.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

interface Row {
  failures: number;
  locked_until: string | null;
}

/** Failed sign-ins per account in table login_failures (migration 61). */
export class SqliteLoginThrottleRepository implements LoginThrottleRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async get(accountKey: string): Promise<LoginFailures | undefined> {
    const row = await this.db.get<Row>('SELECT failures, locked_until FROM login_failures WHERE account_key = ?', [accountKey]);
    return row ? { failures: row.failures, lockedUntil: row.locked_until } : undefined;
  }

  recordFailure(accountKey: string, at: string, lockedUntil: (failures: number) => string | null): Promise<LoginFailures> {
    return this.db.write(async (tx) => {
      const row = await tx.get<Row>('SELECT failures, locked_until FROM login_failures WHERE account_key = ?', [accountKey]);
      const failures = (row?.failures ?? 0) + 1;
      const lock = lockedUntil(failures);
      await tx.run(
        `INSERT INTO login_failures (account_key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
        [accountKey, failures, at, lock],
      );
      return { failures, lockedUntil: lock };
    });
  }

  async clear(accountKey: string): Promise<void> {
    await this.db.write((tx) => tx.run('DELETE FROM login_failures WHERE account_key = ?', [accountKey]));
  }

  forgetBefore(before: string): Promise<number> {
    return this.db.write((tx) => tx.run('DELETE FROM login_failures WHERE last_failure_at < ?', [before]));
  }
}

import type { JobLeaseRepository } from '../JobLeaseRepository.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

/** Job leases in table job_leases (migration 110). */
export class SqliteJobLeaseRepository implements JobLeaseRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async tryAcquire(job: string, owner: string, now: string, until: string): Promise<boolean> {
    const changed = await this.db.write((tx) =>
      tx.run(
        `INSERT INTO job_leases (job, owner, until) VALUES (?, ?, ?)
         ON CONFLICT (job) DO UPDATE SET owner = excluded.owner, until = excluded.until WHERE job_leases.until <= ?`,
        [job, owner, until, now],
      ),
    );
    return changed === 1;
  }

  async release(job: string, owner: string): Promise<void> {
    await this.db.write((tx) => tx.run('DELETE FROM job_leases WHERE job = ? AND owner = ?', [job, owner]));
  }
}

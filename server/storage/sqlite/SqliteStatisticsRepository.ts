import type { StatisticsRepository, SubmissionCount } from '../StatisticsRepository.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

/** SQLite aggregates over the submissions table. */
export class SqliteStatisticsRepository implements StatisticsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  countSubmissions(query: { tenant?: string; from: string; to: string }): Promise<SubmissionCount[]> {
    const params: string[] = [query.from, query.to];
    let tenantClause = '';
    if (query.tenant !== undefined) {
      tenantClause = 'AND tenant = ?';
      params.push(query.tenant);
    }
    return this.db.all<SubmissionCount>(
      `SELECT tenant, service, status, substr(received_at, 1, 13) AS hour, count(*) AS count
       FROM submissions WHERE received_at >= ? AND received_at < ? ${tenantClause}
       GROUP BY tenant, service, status, hour ORDER BY hour`,
      params,
    );
  }
}

import type { StatisticsRepository, SubmissionCount } from '../StatisticsRepository.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

/** PostgreSQL aggregates over the submissions table (the hour is the ISO text's first 13 characters, as in SQLite). */
export class PostgresStatisticsRepository implements StatisticsRepository {
  constructor(private readonly db: PostgresDatabase) {}

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
       GROUP BY tenant, service, status, substr(received_at, 1, 13)
       ORDER BY substr(received_at, 1, 13) COLLATE "C", tenant COLLATE "C", service COLLATE "C", status COLLATE "C"`,
      params,
    );
  }
}

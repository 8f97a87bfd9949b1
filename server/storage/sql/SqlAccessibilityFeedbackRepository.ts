import type { AccessibilityFeedback, AccessibilityFeedbackRepository } from '../AccessibilityFeedbackRepository.ts';
import type { SqlDatabase } from './SqlDatabase.ts';

interface Row {
  id: string;
  tenant: string;
  page: string;
  message: string;
  email: string | null;
  received_at: string;
}

/** Barrier reports in table accessibility_feedback (migration 41). */
export class SqlAccessibilityFeedbackRepository implements AccessibilityFeedbackRepository {
  constructor(private readonly db: SqlDatabase) {}

  async create(feedback: AccessibilityFeedback): Promise<void> {
    await this.db.write((tx) =>
      tx.run('INSERT INTO accessibility_feedback (id, tenant, page, message, email, received_at) VALUES (?, ?, ?, ?, ?, ?)', [
        feedback.id,
        feedback.tenant,
        feedback.page,
        feedback.message,
        feedback.email,
        feedback.receivedAt,
      ]),
    );
  }

  async listByTenant(tenant: string): Promise<AccessibilityFeedback[]> {
    const rows = await this.db.all<Row>('SELECT * FROM accessibility_feedback WHERE tenant = ? ORDER BY received_at DESC', [tenant]);
    return rows.map((row) => ({
      id: row.id,
      tenant: row.tenant,
      page: row.page,
      message: row.message,
      email: row.email,
      receivedAt: row.received_at,
    }));
  }
}

import type { CitizenDraft, CitizenDraftRepository } from '../CitizenDraftRepository.ts';
import type { SqlDatabase } from './SqlDatabase.ts';

interface Row {
  code_hash: string;
  tenant: string;
  service_id: string;
  version: string;
  data: string;
  created_at: string;
  expires_at: string;
}

/** Citizens' drafts in table citizen_drafts (migration 40). */
export class SqlCitizenDraftRepository implements CitizenDraftRepository {
  constructor(private readonly db: SqlDatabase) {}

  async create(draft: CitizenDraft): Promise<void> {
    await this.db.write((tx) =>
      tx.run(
        `INSERT INTO citizen_drafts (code_hash, tenant, service_id, version, data, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [draft.codeHash, draft.tenant, draft.serviceId, draft.version, JSON.stringify(draft.data), draft.createdAt, draft.expiresAt],
      ),
    );
  }

  async findValid(codeHash: string, now: string): Promise<CitizenDraft | undefined> {
    const row = await this.db.get<Row>('SELECT * FROM citizen_drafts WHERE code_hash = ? AND expires_at > ?', [codeHash, now]);
    if (!row) return undefined;
    return {
      codeHash: row.code_hash,
      tenant: row.tenant,
      serviceId: row.service_id,
      version: row.version,
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  async countActive(tenant: string, now: string): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM citizen_drafts WHERE tenant = ? AND expires_at > ?', [tenant, now]);
    return row?.n ?? 0;
  }

  deleteExpired(now: string): Promise<number> {
    return this.db.write((tx) => tx.run('DELETE FROM citizen_drafts WHERE expires_at <= ?', [now]));
  }
}

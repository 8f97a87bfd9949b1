import type { LegalPages, LegalPagesRepository, StoredLegalPages } from '../LegalPagesRepository.ts';
import type { SqlDatabase } from './SqlDatabase.ts';

interface LegalPagesRow {
  impressum: string;
  privacy_controller: string;
  privacy_officer: string;
  privacy_rights: string;
  privacy_supervisory: string;
  privacy_more: string;
  contact: string;
  updated_at: string;
  updated_by: string;
}

const INSERT = `INSERT INTO legal_pages (tenant, impressum, privacy_controller, privacy_officer, privacy_rights, privacy_supervisory, privacy_more, contact, updated_at, updated_by)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function values(tenant: string, pages: LegalPages, updatedAt: string, updatedBy: string): unknown[] {
  return [tenant, pages.impressum, pages.privacyController, pages.privacyOfficer, pages.privacyRights, pages.privacySupervisory, pages.privacyMore, pages.contact, updatedAt, updatedBy];
}

/** Legal pages per participant in table legal_pages (migration 80). */
export class SqlLegalPagesRepository implements LegalPagesRepository {
  constructor(private readonly db: SqlDatabase) {}

  async get(tenant: string): Promise<StoredLegalPages | undefined> {
    const row = await this.db.get<LegalPagesRow>('SELECT * FROM legal_pages WHERE tenant = ?', [tenant]);
    if (!row) return undefined;
    return {
      impressum: row.impressum,
      privacyController: row.privacy_controller,
      privacyOfficer: row.privacy_officer,
      privacyRights: row.privacy_rights,
      privacySupervisory: row.privacy_supervisory,
      privacyMore: row.privacy_more,
      contact: row.contact,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  async put(tenant: string, pages: LegalPages, updatedAt: string, updatedBy: string): Promise<void> {
    await this.db.write((tx) =>
      tx.run(
        `${INSERT}
         ON CONFLICT (tenant) DO UPDATE SET impressum = excluded.impressum, privacy_controller = excluded.privacy_controller,
           privacy_officer = excluded.privacy_officer, privacy_rights = excluded.privacy_rights,
           privacy_supervisory = excluded.privacy_supervisory, privacy_more = excluded.privacy_more, contact = excluded.contact,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        values(tenant, pages, updatedAt, updatedBy),
      ),
    );
  }

  async seed(entries: readonly { tenant: string; pages: LegalPages }[], updatedAt: string): Promise<number> {
    return this.db.write(async (tx) => {
      let inserted = 0;
      for (const entry of entries) inserted += await tx.run(`${INSERT} ON CONFLICT (tenant) DO NOTHING`, values(entry.tenant, entry.pages, updatedAt, 'seed'));
      return inserted;
    });
  }
}

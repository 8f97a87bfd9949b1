import type { EditorDraft, EditorDraftRepository } from '../EditorDraftRepository.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface DraftRow {
  service_id: string;
  definition: string;
  revision: number;
  base_version: string | null;
  updated_at: string;
  updated_by: string;
}

function toDraft(row: DraftRow): EditorDraft {
  return {
    serviceId: row.service_id,
    definition: JSON.parse(row.definition) as Record<string, unknown>,
    revision: row.revision,
    baseVersion: row.base_version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Drafts of the visual editor in table editor_drafts (migration 30); saves are compare-and-set on the revision. */
export class PostgresEditorDraftRepository implements EditorDraftRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async get(serviceId: string): Promise<EditorDraft | undefined> {
    const row = await this.db.get<DraftRow>('SELECT * FROM editor_drafts WHERE service_id = ?', [serviceId]);
    return row ? toDraft(row) : undefined;
  }

  async list(): Promise<EditorDraft[]> {
    return (await this.db.all<DraftRow>('SELECT * FROM editor_drafts ORDER BY service_id COLLATE "C"')).map(toDraft);
  }

  async create(draft: Omit<EditorDraft, 'revision'>): Promise<EditorDraft | undefined> {
    const rows = await this.db.all<DraftRow>(
      `INSERT INTO editor_drafts (service_id, definition, revision, base_version, updated_at, updated_by)
       VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (service_id) DO NOTHING RETURNING *`,
      [draft.serviceId, JSON.stringify(draft.definition), draft.baseVersion, draft.updatedAt, draft.updatedBy],
    );
    return rows[0] ? toDraft(rows[0]) : undefined;
  }

  async update(serviceId: string, definition: Record<string, unknown>, expectedRevision: number, updatedAt: string, updatedBy: string): Promise<EditorDraft | undefined> {
    const rows = await this.db.all<DraftRow>(
      `UPDATE editor_drafts SET definition = ?, revision = revision + 1, updated_at = ?, updated_by = ?
       WHERE service_id = ? AND revision = ? RETURNING *`,
      [JSON.stringify(definition), updatedAt, updatedBy, serviceId, expectedRevision],
    );
    return rows[0] ? toDraft(rows[0]) : undefined;
  }

  async delete(serviceId: string, expectedRevision: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM editor_drafts WHERE service_id = ? AND revision = ?', [serviceId, expectedRevision])) === 1;
  }
}

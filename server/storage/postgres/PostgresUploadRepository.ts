import { UploadBindError, type NewUpload, type ScanState, type Upload, type UploadRepository } from '../UploadRepository.ts';
import type { PostgresDatabase, PostgresTransaction } from './PostgresDatabase.ts';

interface UploadRow {
  id: string;
  tenant: string;
  service: string;
  field: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  blob_key: string;
  scan: ScanState;
  created_at: string;
  expires_at: string;
  submission_id: string | null;
}

const COLUMNS = 'id, tenant, service, field, name, media_type, size, sha256, blob_key, scan, created_at, expires_at, submission_id';
const PURGE_CHUNK = 500;

/** PostgreSQL uploads; see pgMigration070. */
export class PostgresUploadRepository implements UploadRepository {
  constructor(private readonly db: PostgresDatabase) {}

  async create(upload: NewUpload): Promise<void> {
    await this.db.run(
      `INSERT INTO uploads (id, token_hash, tenant, service, field, name, media_type, size, sha256, blob_key, scan, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [upload.id, upload.tokenHash, upload.tenant, upload.service, upload.field, upload.name, upload.mediaType, upload.size, upload.sha256, upload.blobKey, upload.scan, upload.createdAt, upload.expiresAt],
    );
  }

  async findUnbound(tenant: string, service: string, tokenHash: string, now: string): Promise<Upload | undefined> {
    const row = await this.db.get<UploadRow>(
      `SELECT ${COLUMNS} FROM uploads WHERE token_hash = ? AND tenant = ? AND service = ? AND submission_id IS NULL AND expires_at > ?`,
      [tokenHash, tenant, service, now],
    );
    return row && toUpload(row);
  }

  async listBySubmission(tenant: string, submissionId: string): Promise<Upload[]> {
    const rows = await this.db.all<UploadRow>(`SELECT ${COLUMNS} FROM uploads WHERE submission_id = ? AND tenant = ? ORDER BY field, created_at, id`, [submissionId, tenant]);
    return rows.map(toUpload);
  }

  async get(tenant: string, submissionId: string, uploadId: string): Promise<Upload | undefined> {
    const row = await this.db.get<UploadRow>(`SELECT ${COLUMNS} FROM uploads WHERE id = ? AND submission_id = ? AND tenant = ?`, [uploadId, submissionId, tenant]);
    return row && toUpload(row);
  }

  async purgeUnbound(now: string): Promise<number> {
    let total = 0;
    for (;;) {
      const purged = await this.db.write(async (tx) => {
        // Locked: a submission of another process binding one of them meanwhile waits and then finds it gone.
        const rows = await tx.all<{ id: string }>(
          'SELECT id FROM uploads WHERE submission_id IS NULL AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED',
          [now, PURGE_CHUNK],
        );
        if (rows.length === 0) return 0;
        const ids = rows.map((row) => row.id);
        await tx.run(
          `WITH gone AS (DELETE FROM uploads WHERE id = ANY(?::text[]) AND submission_id IS NULL RETURNING blob_key)
            INSERT INTO blob_deletions (blob_key, queued_at) SELECT blob_key, ? FROM gone ON CONFLICT (blob_key) DO NOTHING`,
          [ids, now],
        );
        return rows.length;
      });
      total += purged;
      if (purged < PURGE_CHUNK) return total;
    }
  }

  async listBlobDeletions(limit: number): Promise<string[]> {
    const rows = await this.db.all<{ blob_key: string }>('SELECT blob_key FROM blob_deletions ORDER BY queued_at LIMIT ?', [limit]);
    return rows.map((row) => row.blob_key);
  }

  async forgetBlobDeletions(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.run('DELETE FROM blob_deletions WHERE blob_key = ANY(?::text[])', [[...keys]]);
  }
}

/**
 * Inside a transaction that deletes submissions: queues the bytes of their uploads for deletion and deletes the upload
 * rows (before the submissions, which they reference).
 */
export async function deleteUploadsOfSubmissions(tx: PostgresTransaction, submissionIds: readonly string[], at: string): Promise<void> {
  if (submissionIds.length === 0) return;
  await tx.run(
    `WITH gone AS (DELETE FROM uploads WHERE submission_id = ANY(?::text[]) RETURNING blob_key)
      INSERT INTO blob_deletions (blob_key, queued_at) SELECT blob_key, ? FROM gone ON CONFLICT (blob_key) DO NOTHING`,
    [[...submissionIds], at],
  );
}

/**
 * Binds uploads to a new submission inside its transaction: each must still be unbound, of the same tenant and service
 * and unexpired at `now`; otherwise throws UploadBindError (the transaction rolls back). A concurrent binding of the
 * same upload waits for the row lock and then finds it bound.
 */
export async function bindUploads(
  tx: PostgresTransaction,
  submission: { id: string; tenant: string; service: string; uploadIds: readonly string[] },
  now: string,
): Promise<void> {
  if (submission.uploadIds.length === 0) return;
  const bound = await tx.run(
    'UPDATE uploads SET submission_id = ? WHERE id = ANY(?::text[]) AND submission_id IS NULL AND tenant = ? AND service = ? AND expires_at > ?',
    [submission.id, [...submission.uploadIds], submission.tenant, submission.service, now],
  );
  if (bound !== new Set(submission.uploadIds).size) throw new UploadBindError();
}

function toUpload(row: UploadRow): Upload {
  return {
    id: row.id,
    tenant: row.tenant,
    service: row.service,
    field: row.field,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    blobKey: row.blob_key,
    scan: row.scan,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    submissionId: row.submission_id,
  };
}

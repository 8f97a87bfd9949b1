import type { FormDefinition } from '../../../engine/index.ts';
import type { FormVersionRepository, PublishedFormVersion, PublishOutcome } from '../FormVersionRepository.ts';
import { CrossProcessCache } from './CrossProcessCache.ts';
import type { PostgresDatabase } from './PostgresDatabase.ts';

interface FormVersionRow {
  id: string;
  version: string;
  definition: string;
  hash: string;
  published_at: string;
  published_by: string;
}

/**
 * PostgreSQL form versions. A published version never changes (a trigger refuses updates), so each version read once
 * is kept in memory for good (also keeps the validator's per-object compile cache hot), and a version missing from
 * memory is looked up in the database. Which versions exist is a CrossProcessCache: a version published by another
 * process is listed within half a second (at once after its NOTIFY).
 */
export class PostgresFormVersionRepository implements FormVersionRepository {
  private readonly versions = new Map<string, PublishedFormVersion>();
  private readonly index: CrossProcessCache<Map<string, string[]>>;

  constructor(private readonly db: PostgresDatabase) {
    this.index = new CrossProcessCache(db, 'form_versions', async () => {
      const rows = await db.all<{ id: string; version: string }>('SELECT id, version FROM form_versions');
      const index = new Map<string, string[]>();
      for (const row of rows) {
        const list = index.get(row.id) ?? [];
        list.push(row.version);
        index.set(row.id, list);
      }
      return index;
    });
  }

  async listVersions(id: string): Promise<string[]> {
    return [...((await this.index.get()).get(id) ?? [])];
  }

  async get(id: string, version: string): Promise<PublishedFormVersion | undefined> {
    const key = versionKey(id, version);
    const cached = this.versions.get(key);
    if (cached) return cached;
    const row = await this.db.get<FormVersionRow>('SELECT * FROM form_versions WHERE id = ? AND version = ?', [id, version]);
    if (!row) return undefined;
    // Two concurrent reads of one version: keep the first object so callers share it.
    const loaded = this.versions.get(key) ?? toVersion(row);
    this.versions.set(key, loaded);
    return loaded;
  }

  async listServiceIds(): Promise<string[]> {
    return [...(await this.index.get()).keys()].sort();
  }

  async publish(input: Omit<PublishedFormVersion, 'publishedAt'> & { publishedAt?: string }): Promise<PublishOutcome> {
    const version: PublishedFormVersion = { ...input, publishedAt: input.publishedAt ?? new Date().toISOString() };
    const [major, minor, patch] = version.version.split('.').map(Number);
    const outcome = await this.db.write(async (tx): Promise<PublishOutcome> => {
      const inserted = await tx.run(
        `INSERT INTO form_versions (id, version, major, minor, patch, definition, hash, published_at, published_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, version) DO NOTHING`,
        [version.id, version.version, major, minor, patch, JSON.stringify(version.definition), version.hash, version.publishedAt, version.publishedBy],
      );
      if (inserted === 0) {
        // Published before (also by another process at the same moment): the same content or a conflict.
        const existing = await tx.get<{ hash: string }>('SELECT hash FROM form_versions WHERE id = ? AND version = ?', [version.id, version.version]);
        return existing?.hash === version.hash ? 'unchanged' : 'conflict';
      }
      await this.index.notify(tx);
      return 'published';
    });
    if (outcome === 'published') {
      this.index.invalidate();
      if (!this.versions.has(versionKey(version.id, version.version))) this.versions.set(versionKey(version.id, version.version), deepFreeze(version));
    }
    return outcome;
  }
}

function versionKey(id: string, version: string): string {
  return `${id}\u0000${version}`;
}

function toVersion(row: FormVersionRow): PublishedFormVersion {
  return deepFreeze({
    id: row.id,
    version: row.version,
    definition: JSON.parse(row.definition) as FormDefinition,
    hash: row.hash,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

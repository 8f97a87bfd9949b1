import type { FormDefinition } from '../../../engine/index.ts';
import type { FormVersionRepository, PublishedFormVersion, PublishOutcome } from '../FormVersionRepository.ts';
import type { SqliteDatabase } from './SqliteDatabase.ts';

interface FormVersionRow {
  id: string;
  version: string;
  definition: string;
  hash: string;
  published_at: string;
  published_by: string;
}

/**
 * SQLite form versions. Published versions are immutable, so all of them are loaded once and served from memory
 * (also keeps the validator's per-object compile cache hot); a publish through this repository updates the cache
 * after its commit. Versions written by another process appear after a restart.
 */
export class SqliteFormVersionRepository implements FormVersionRepository {
  private cache: Map<string, Map<string, PublishedFormVersion>> | undefined;
  private loading: Promise<Map<string, Map<string, PublishedFormVersion>>> | undefined;

  constructor(private readonly db: SqliteDatabase) {}

  async listVersions(id: string): Promise<string[]> {
    return [...((await this.load()).get(id)?.keys() ?? [])];
  }

  async get(id: string, version: string): Promise<PublishedFormVersion | undefined> {
    return (await this.load()).get(id)?.get(version);
  }

  async listServiceIds(): Promise<string[]> {
    return [...(await this.load()).keys()].sort();
  }

  async publish(input: Omit<PublishedFormVersion, 'publishedAt'> & { publishedAt?: string }): Promise<PublishOutcome> {
    const cache = await this.load();
    const version: PublishedFormVersion = { ...input, publishedAt: input.publishedAt ?? new Date().toISOString() };
    const [major, minor, patch] = version.version.split('.').map(Number);
    const outcome = await this.db.write(async (tx): Promise<PublishOutcome> => {
      const existing = await tx.get<{ hash: string }>('SELECT hash FROM form_versions WHERE id = ? AND version = ?', [version.id, version.version]);
      if (existing) return existing.hash === version.hash ? 'unchanged' : 'conflict';
      await tx.run(
        `INSERT INTO form_versions (id, version, major, minor, patch, definition, hash, published_at, published_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [version.id, version.version, major, minor, patch, JSON.stringify(version.definition), version.hash, version.publishedAt, version.publishedBy],
      );
      return 'published';
    });
    if (outcome === 'published') {
      const versions = cache.get(version.id) ?? new Map<string, PublishedFormVersion>();
      versions.set(version.version, deepFreeze(version));
      cache.set(version.id, versions);
    }
    return outcome;
  }

  private load(): Promise<Map<string, Map<string, PublishedFormVersion>>> {
    if (this.cache) return Promise.resolve(this.cache);
    this.loading ??= this.db.all<FormVersionRow>('SELECT * FROM form_versions').then((rows) => {
      const cache = new Map<string, Map<string, PublishedFormVersion>>();
      for (const row of rows) {
        const versions = cache.get(row.id) ?? new Map<string, PublishedFormVersion>();
        versions.set(
          row.version,
          deepFreeze({
            id: row.id,
            version: row.version,
            definition: JSON.parse(row.definition) as FormDefinition,
            hash: row.hash,
            publishedAt: row.published_at,
            publishedBy: row.published_by,
          }),
        );
        cache.set(row.id, versions);
      }
      this.cache = cache;
      return cache;
    });
    return this.loading;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

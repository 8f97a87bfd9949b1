import type { FormDefinition } from '../../engine/index.ts';

/** One published, immutable version of a service definition. */
export interface PublishedFormVersion {
  id: string;
  version: string;
  definition: FormDefinition;
  /** `sha256:<hex>` of the definition's canonical JSON (as in forms/forms.lock.json). */
  hash: string;
  publishedAt: string;
  /** User id, or 'catalogue' for versions synced from forms/. */
  publishedBy: string;
}

export type PublishOutcome = 'published' | 'unchanged' | 'conflict';

/** Published form versions. A version once published never changes. */
export interface FormVersionRepository {
  /** Published version numbers of a service (unordered); empty for an unknown service. */
  listVersions(id: string): Promise<string[]>;
  get(id: string, version: string): Promise<PublishedFormVersion | undefined>;
  /** Ids of all services with at least one published version. */
  listServiceIds(): Promise<string[]>;
  /**
   * Publishes a version: 'published' when new, 'unchanged' when the same hash is already published,
   * 'conflict' when this version number exists with different content (nothing is written).
   */
  publish(version: Omit<PublishedFormVersion, 'publishedAt'> & { publishedAt?: string }): Promise<PublishOutcome>;
}

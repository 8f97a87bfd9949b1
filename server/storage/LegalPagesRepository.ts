import type { LegalPages } from '../../contract/portalApi.ts';
export type { LegalPages } from '../../contract/portalApi.ts';

export interface StoredLegalPages extends LegalPages {
  updatedAt: string;
  updatedBy: string;
}

/** Legal pages per participant. */
export interface LegalPagesRepository {
  get(tenant: string): Promise<StoredLegalPages | undefined>;
  /** Creates or replaces a participant's legal pages. */
  put(tenant: string, pages: LegalPages, updatedAt: string, updatedBy: string): Promise<void>;
  /** Inserts pages only for participants that have none yet (seeding); returns how many were inserted. */
  seed(entries: readonly { tenant: string; pages: LegalPages }[], updatedAt: string): Promise<number>;
}

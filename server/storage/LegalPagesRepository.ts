/**
 * The legal pages of a participant's portal, each in the safe text format (engine/safeText.ts): Impressum,
 * Datenschutzerklärung in parts (controller, data protection officer, rights, supervisory authority, further notes)
 * and contact.
 */
export interface LegalPages {
  impressum: string;
  privacyController: string;
  privacyOfficer: string;
  privacyRights: string;
  privacySupervisory: string;
  /** Further notes of the Datenschutzerklärung (hosting, logs, cookies …); optional. */
  privacyMore: string;
  contact: string;
}

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

/** A citizen's saved draft; found only through the hash of its resume code. */
export interface CitizenDraft {
  codeHash: string;
  tenant: string;
  serviceId: string;
  /** The definition version the answers were given under. */
  version: string;
  data: Record<string, unknown>;
  createdAt: string;
  expiresAt: string;
}

/** Saved drafts of citizens (portal "Zwischenspeichern"). */
export interface CitizenDraftRepository {
  create(draft: CitizenDraft): Promise<void>;
  /** The draft with this code hash that has not expired at `now` (ISO); undefined otherwise. */
  findValid(codeHash: string, now: string): Promise<CitizenDraft | undefined>;
  /** How many drafts of the participant have not expired at `now` (ISO). */
  countActive(tenant: string, now: string): Promise<number>;
  /** Deletes drafts that expired before `now`; the number deleted. */
  deleteExpired(now: string): Promise<number>;
}

import type { Participant } from '../../engine/index.ts';

/** The participants of the Serviceportal (seeded from engine PARTICIPANTS). */
export interface ParticipantRepository {
  list(): Promise<Participant[]>;
  get(slug: string): Promise<Participant | undefined>;
  /** Inserts or updates the given participants (idempotent). */
  seed(participants: readonly Participant[]): Promise<void>;
}

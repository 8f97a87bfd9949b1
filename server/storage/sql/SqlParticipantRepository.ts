import type { Participant } from '../../../engine/index.ts';
import type { ParticipantRepository } from '../ParticipantRepository.ts';
import type { SqlDatabase } from './SqlDatabase.ts';

interface ParticipantRow {
  slug: string;
  key: string;
  name: string;
  short_name: string;
  portal_name: string;
  reference_prefix: string;
  kind: 'kreis' | 'kommune';
}

/** Participants on either backend; the eleven rows are read once and kept in memory (they change only by seeding). */
export class SqlParticipantRepository implements ParticipantRepository {
  private cache: Participant[] | undefined;

  constructor(private readonly db: SqlDatabase) {}

  async list(): Promise<Participant[]> {
    if (!this.cache) {
      const rows = await this.db.all<ParticipantRow>('SELECT * FROM participants ORDER BY key');
      this.cache = rows.map((row) =>
        Object.freeze({
          slug: row.slug,
          key: row.key,
          name: row.name,
          shortName: row.short_name,
          portalName: row.portal_name,
          referencePrefix: row.reference_prefix,
          kind: row.kind,
        }),
      );
    }
    return this.cache;
  }

  async get(slug: string): Promise<Participant | undefined> {
    return (await this.list()).find((participant) => participant.slug === slug);
  }

  async seed(participants: readonly Participant[]): Promise<void> {
    await this.db.write(async (tx) => {
      for (const p of participants) {
        await tx.run(
          `INSERT INTO participants (slug, key, name, short_name, portal_name, reference_prefix, kind) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (slug) DO UPDATE SET key = excluded.key, name = excluded.name, short_name = excluded.short_name,
             portal_name = excluded.portal_name, reference_prefix = excluded.reference_prefix, kind = excluded.kind`,
          [p.slug, p.key, p.name, p.shortName, p.portalName, p.referencePrefix, p.kind],
        );
      }
    });
    this.cache = undefined;
  }
}

/**
 * The eleven participants of the Serviceportal agreement: the Kreis Heinsberg and its ten Kommunen.
 * Keys are the official municipality keys (Amtlicher Gemeindeschlüssel, AGS), as in server/seed/einwohner.json.
 * Hardcoded here because the engine is pure and must not read files.
 */
export interface Participant {
  /** Stable slug used in URLs and definitions, e.g. 'erkelenz'. */
  readonly slug: string;
  /** Amtlicher Gemeindeschlüssel: '05370' for the Kreis, '05370004' for Erkelenz, ... */
  readonly key: string;
  /** Official German name, e.g. 'Stadt Erkelenz', 'Gemeinde Gangelt'. */
  readonly name: string;
  /** Short German name, e.g. 'Erkelenz'. */
  readonly shortName: string;
  /** German name of the participant's portal, e.g. 'Serviceportal Stadt Erkelenz'. */
  readonly portalName: string;
  /** Prefix of submission references, e.g. 'ERK' in 'ERK-2026-000042'. */
  readonly referencePrefix: string;
  readonly kind: 'kreis' | 'kommune';
}

function participant(
  slug: string,
  key: string,
  name: string,
  shortName: string,
  referencePrefix: string,
  kind: Participant['kind'] = 'kommune',
): Participant {
  return Object.freeze({ slug, key, name, shortName, portalName: `Serviceportal ${name}`, referencePrefix, kind });
}

/** All participants, the Kreis first, then the Kommunen in the order of their keys. */
export const PARTICIPANTS: readonly Participant[] = Object.freeze([
  participant('kreis-heinsberg', '05370', 'Kreis Heinsberg', 'Kreis Heinsberg', 'KRS', 'kreis'),
  participant('erkelenz', '05370004', 'Stadt Erkelenz', 'Erkelenz', 'ERK'),
  participant('gangelt', '05370008', 'Gemeinde Gangelt', 'Gangelt', 'GAN'),
  participant('geilenkirchen', '05370012', 'Stadt Geilenkirchen', 'Geilenkirchen', 'GEI'),
  participant('heinsberg', '05370016', 'Stadt Heinsberg', 'Heinsberg', 'HSB'),
  participant('hueckelhoven', '05370020', 'Stadt Hückelhoven', 'Hückelhoven', 'HUE'),
  participant('selfkant', '05370024', 'Gemeinde Selfkant', 'Selfkant', 'SEL'),
  participant('uebach-palenberg', '05370028', 'Stadt Übach-Palenberg', 'Übach-Palenberg', 'UEP'),
  participant('waldfeucht', '05370032', 'Gemeinde Waldfeucht', 'Waldfeucht', 'WAL'),
  participant('wassenberg', '05370036', 'Stadt Wassenberg', 'Wassenberg', 'WAS'),
  participant('wegberg', '05370040', 'Stadt Wegberg', 'Wegberg', 'WEG'),
]);

const bySlug = new Map(PARTICIPANTS.map((p) => [p.slug, p]));

/** Looks up a participant by slug; undefined for an unknown slug. */
export function getParticipant(slug: string): Participant | undefined {
  return bySlug.get(slug);
}

/** True when `value` is the slug of one of the eleven participants. */
export function isParticipantSlug(value: unknown): value is string {
  return typeof value === 'string' && bySlug.has(value);
}

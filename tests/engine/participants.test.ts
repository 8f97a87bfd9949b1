import { describe, expect, it } from 'vitest';
import { getParticipant, isParticipantSlug, PARTICIPANTS } from '../../engine/index.ts';

describe('participants', () => {
  it('lists the Kreis and its ten Kommunen with unique slugs, keys and prefixes', () => {
    expect(PARTICIPANTS).toHaveLength(11);
    for (const field of ['slug', 'key', 'referencePrefix', 'name'] as const) {
      expect(new Set(PARTICIPANTS.map((p) => p[field])).size).toBe(11);
    }
    expect(PARTICIPANTS.filter((p) => p.kind === 'kreis').map((p) => p.slug)).toEqual(['kreis-heinsberg']);
  });

  it.each([
    ['kreis-heinsberg', '05370', 'Kreis Heinsberg', 'KRS'],
    ['erkelenz', '05370004', 'Stadt Erkelenz', 'ERK'],
    ['gangelt', '05370008', 'Gemeinde Gangelt', 'GAN'],
    ['geilenkirchen', '05370012', 'Stadt Geilenkirchen', 'GEI'],
    ['heinsberg', '05370016', 'Stadt Heinsberg', 'HSB'],
    ['hueckelhoven', '05370020', 'Stadt Hückelhoven', 'HUE'],
    ['selfkant', '05370024', 'Gemeinde Selfkant', 'SEL'],
    ['uebach-palenberg', '05370028', 'Stadt Übach-Palenberg', 'UEP'],
    ['waldfeucht', '05370032', 'Gemeinde Waldfeucht', 'WAL'],
    ['wassenberg', '05370036', 'Stadt Wassenberg', 'WAS'],
    ['wegberg', '05370040', 'Stadt Wegberg', 'WEG'],
  ])('%s has key %s, name %s and prefix %s', (slug, key, name, prefix) => {
    const participant = getParticipant(slug);
    expect(participant).toMatchObject({ slug, key, name, referencePrefix: prefix, portalName: `Serviceportal ${name}` });
    expect(isParticipantSlug(slug)).toBe(true);
  });

  it('agrees with the population seed file on keys and names', async () => {
    const { readFile } = await import('node:fs/promises');
    const seed = JSON.parse(await readFile('server/seed/einwohner.json', 'utf8')) as {
      gemeinden: Record<string, string>;
      kreis: Record<string, string>;
    };
    const expected = { ...seed.kreis, ...seed.gemeinden };
    expect(Object.fromEntries(PARTICIPANTS.map((p) => [p.key, p.name]))).toEqual(expected);
  });

  it.each([['unknown'], [''], ['__proto__'], [42], [undefined]])('rejects %j as a slug', (value) => {
    expect(isParticipantSlug(value)).toBe(false);
    if (typeof value === 'string') expect(getParticipant(value)).toBeUndefined();
  });
});

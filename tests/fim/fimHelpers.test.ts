import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGenericode } from '../../engine/fim/parseGenericode.ts';
import { parsePraezisierung } from '../../engine/fim/parsePraezisierung.ts';
import { toPropertyName } from '../../engine/fim/toPropertyName.ts';
import { toSlug } from '../../engine/fim/toSlug.ts';
import { XmlElement } from '../../engine/fim/XmlElement.ts';

const fimDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fim');

describe('toPropertyName', () => {
  it.each([
    ['Straße', 'strasse'],
    ['Größe Person', 'groessePerson'],
    ['Natürliche Person (abstrakt, umfassend)', 'natuerlichePerson'],
    ['(nur Klammer)', 'nurKlammer'],
    ['E-Mail', 'eMail'],
    ['ZeileAnschrift', 'zeileAnschrift'],
    ['1. Wohnsitz', 'f1Wohnsitz'],
    ['Café Crème', 'cafeCreme'],
    ['Tätigkeit als Leiharbeitnehmer oder Leiharbeitnehmerin in einem Unternehmen der Zeitarbeit', 'taetigkeitAlsLeiharbeitnehmerOderLeiharbeitnehmerinInEinem'],
  ])('%s -> %s', (name, expected) => {
    expect(toPropertyName(name, 'F1', new Set())).toBe(expected);
  });

  it('falls back to the FIM id and numbers clashes deterministically', () => {
    const taken = new Set<string>();
    expect(['Ort', 'Ort', '---', 'Ort', 'prototype'].map((name) => toPropertyName(name, 'F60000247', taken))).toEqual([
      'ort',
      'ort2',
      'f60000247',
      'ort3',
      'prototype2',
    ]);
  });

  it('always gives a unique ASCII identifier of at most 62 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { maxLength: 30 }), (names) => {
        const taken = new Set<string>();
        const result = names.map((name) => toPropertyName(name, 'F1', taken));
        expect(new Set(result).size).toBe(result.length);
        for (const name of result) expect(name).toMatch(/^[a-z][A-Za-z0-9]{0,61}$/);
      }),
    );
  });
});

describe('toSlug', () => {
  it.each([
    ['Antrag Blaue Karte EU', 'S00000121', 'antrag-blaue-karte-eu'],
    ['Hundesteuer – Anmeldung (§ 2)', 'S1', 'hundesteuer-anmeldung-2'],
    ['Ä', 'S00000121', 's00000121'],
    ['', 'X', 'fim-x'],
  ])('%s -> %s', (name, fallback, expected) => {
    expect(toSlug(name, fallback)).toBe(expected);
  });

  it('always gives a slug the meta-schema accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ maxLength: 20 }), (name, fallback) => {
        const slug = toSlug(name, fallback);
        expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(slug.length).toBeGreaterThanOrEqual(3);
        expect(slug.length).toBeLessThanOrEqual(64);
      }),
    );
  });
});

describe('parsePraezisierung', () => {
  const element = (xml: string): XmlElement => {
    const parsed = XmlElement.parse(xml);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.root;
  };

  it.each([
    ['XDF2 JSON', '<p>{"minLength":"1","maxLength":"50"}</p>', { minLength: 1, maxLength: 50 }, 0],
    ['XDF2 JSON with pattern', '<p>{"pattern":"[0-9]{5}","maxLength":"5"}</p>', { pattern: '[0-9]{5}', maxLength: 5 }, 0],
    ['XDF2 value range', '<p>{"minValue":"1","maxValue":"31"}</p>', { minValue: '1', maxValue: '31' }, 0],
    ['XDF3 attributes', '<p minLength="1" maxLength="55"/>', { minLength: 1, maxLength: 55 }, 0],
    ['XDF3 attributes with text', '<p maxLength="1" minLength="0" minValue="0" maxValue="1" pattern="abc">Constraints</p>', { minLength: 0, maxLength: 1, minValue: '0', maxValue: '1', pattern: 'abc' }, 0],
    ['empty', '<p/>', {}, 0],
    ['not JSON', '<p>minLength=1</p>', {}, 1],
    ['JSON array', '<p>[1]</p>', {}, 1],
    ['negative length', '<p>{"maxLength":"-4"}</p>', {}, 1],
  ])('%s', (_description, xml, expected, problems) => {
    const result = parsePraezisierung(element(xml));
    expect(result.praezisierung).toEqual(expected);
    expect(result.problems).toHaveLength(problems);
  });
});

describe('parseGenericode', () => {
  it.each([
    ['gerps_S00000094_codeliste_C00000020_genericode.xml', 'urn:de:fim:codeliste:statusfrauschwangerstillend', 2],
    ['gerps_S00000094_codeliste_C00000021_genericode.xml', 'urn:de:fim:codeliste:artbeschäftigungsverhältnis', 9],
    ['gerps_S00000094_codeliste_C60000006_genericode.xml', 'urn:de:fim:codeliste:anschrift-inland-oder-ausland', 2],
    ['gerps_S00000094_codeliste_C60000020_genericode.xml', 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat', 197],
  ])('reads %s', (file, uri, count) => {
    const result = parseGenericode(readFileSync(path.join(fimDir, file), 'utf8'));
    if (!result.ok) throw new Error(result.message);
    expect(result.codeList.canonicalUri).toBe(uri);
    expect(result.codeList.entries).toHaveLength(count);
    expect(result.codeList.entries.every((entry) => entry.code.length > 0 && entry.name.length > 0)).toBe(true);
  });

  it('takes the label from the codenameKey column (the Staat list names its search term column)', () => {
    const result = parseGenericode(readFileSync(path.join(fimDir, 'gerps_S00000094_codeliste_C60000020_genericode.xml'), 'utf8'));
    if (!result.ok) throw new Error(result.message);
    expect(result.codeList.entries[0]).toEqual({ code: '000', name: 'Deutschland' });
  });

  it('reads positional values without ColumnRef', () => {
    const xml =
      '<CodeList><Identification><CanonicalUri>urn:x</CanonicalUri></Identification><ColumnSet><Column Id="c"/><Column Id="n"/></ColumnSet>' +
      '<SimpleCodeList><Row><Value><SimpleValue>1</SimpleValue></Value><Value><SimpleValue>Eins</SimpleValue></Value></Row></SimpleCodeList></CodeList>';
    expect(parseGenericode(xml)).toMatchObject({ ok: true, codeList: { canonicalUri: 'urn:x', entries: [{ code: '1', name: 'Eins' }] } });
  });

  it.each([
    ['not XML', 'kein xml'],
    ['another root element', '<xdf:stammdatenschema xmlns:xdf="urn:x"/>'],
    ['no columns', '<CodeList><SimpleCodeList/></CodeList>'],
  ])('refuses %s with a message', (_description, xml) => {
    expect(parseGenericode(xml)).toMatchObject({ ok: false, message: expect.any(String) });
  });
});

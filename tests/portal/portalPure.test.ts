import { TranslatableString, type RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../contract/portalRoutes.ts';
import { filterCatalogue, listCategories, normalizeSearchText } from '../../renderer/portal/filterCatalogue.ts';
import type { CatalogueEntry } from '../../renderer/portal/portalApi.ts';
import { getFieldLabel, toFieldId, toPathSegments } from '../../renderer/shared/kern/fieldLabels.ts';
import { pruneEmptyObjects } from '../../renderer/shared/kern/pruneEmptyObjects.ts';
import { translateGerman } from '../../renderer/shared/kern/translateGerman.ts';
import { collectAnswers, formatAnswer, NO_ANSWER } from '../../engine/review/collectAnswers.ts';
import { formatAnswersText } from '../../renderer/shared/review/formatAnswersText.ts';
import { getDataUrlFileName } from '../../engine/review/getDataUrlFileName.ts';
import { createResumeCode } from '../../server/usecases/createResumeCode.ts';
import { hashResumeCode } from '../../server/usecases/hashResumeCode.ts';

describe('parseRoute', () => {
  it.each([
    ['/erkelenz/', { page: 'start', tenant: 'erkelenz' }],
    ['/erkelenz', { page: 'start', tenant: 'erkelenz' }],
    ['/erkelenz/leistungen/hundesteuer-anmeldung', { page: 'service', tenant: 'erkelenz', service: 'hundesteuer-anmeldung' }],
    ['/erkelenz/leistungen/hundesteuer-anmeldung/antrag', { page: 'form', tenant: 'erkelenz', service: 'hundesteuer-anmeldung' }],
    ['/gangelt/fortsetzen', { page: 'resume', tenant: 'gangelt' }],
    ['/gangelt/barrierefreiheit', { page: 'accessibility', tenant: 'gangelt' }],
    ['/gangelt/barriere-melden', { page: 'feedback', tenant: 'gangelt' }],
    ['/gangelt/impressum', { page: 'legal', tenant: 'gangelt', legal: 'impressum' }],
    ['/gangelt/datenschutz', { page: 'legal', tenant: 'gangelt', legal: 'datenschutz' }],
    ['/gangelt/kontakt', { page: 'legal', tenant: 'gangelt', legal: 'kontakt' }],
    ['/gangelt/leistungen', { page: 'not-found', tenant: 'gangelt' }],
    ['/gangelt/leistungen/Gross', { page: 'not-found', tenant: 'gangelt' }],
    ['/', { page: 'not-found', tenant: undefined }],
    ['/%E0%A4%A/', { page: 'not-found', tenant: undefined }],
  ])('When the path is %s, then the route is %j', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });
});

describe('catalogue search', () => {
  const entry = (title: string, category: string | null, keywords: string[] = []): CatalogueEntry => ({
    id: title.toLowerCase(),
    version: '1.0.0',
    title,
    description: 'Beschreibung',
    category,
    keywords,
    leikaKey: null,
    lead: { kind: 'kreis' },
  });
  const entries = [entry('Hund anmelden', 'Steuern', ['Hundesteuer']), entry('Gewerbe anmelden', 'Gewerbe', ['Betrieb']), entry('Straße sperren', 'Verkehr')];
  it.each([
    ['hund', '', ['Hund anmelden']],
    ['HUNDESTEUER', '', ['Hund anmelden']],
    ['anmelden', '', ['Hund anmelden', 'Gewerbe anmelden']],
    ['strasse', '', ['Straße sperren']],
    ['anmelden', 'Gewerbe', ['Gewerbe anmelden']],
    ['betrieb anmelden', '', ['Gewerbe anmelden']],
    ['', '', ['Hund anmelden', 'Gewerbe anmelden', 'Straße sperren']],
    ['xyz', '', []],
  ])('When searching %j in category %j, then %j remain', (query, category, titles) => {
    expect(filterCatalogue(entries, query, category).map((found) => found.title)).toEqual(titles);
  });
  it('When categories are listed, then they are distinct and sorted', () => {
    expect(listCategories([...entries, entry('X', 'Gewerbe'), entry('Y', null)])).toEqual(['Gewerbe', 'Steuern', 'Verkehr']);
  });
  it('When text is normalized, then umlauts and ß are folded', () => {
    expect(normalizeSearchText('Größe Übung Straße')).toBe('groesse uebung strasse');
  });
});

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    geboren: { type: 'string', format: 'date', title: 'Geburtsdatum' },
    art: { type: 'string', title: 'Art', oneOf: [{ const: 'a', title: 'Erste Art' }, { const: 'b', title: 'Zweite Art' }] },
    farbe: { type: 'string', enum: ['r', 'g'] },
    zustimmung: { type: 'boolean', title: 'Zustimmung' },
    anzahl: { type: 'number', title: 'Anzahl' },
    datei: { type: 'string', format: 'data-url', title: 'Nachweis' },
    adresse: { type: 'object', title: 'Adresse', properties: { ort: { type: 'string', title: 'Ort' } }, required: ['ort'] },
    kinder: { type: 'array', title: 'Kinder', items: { type: 'object', properties: { vorname: { type: 'string', title: 'Vorname' } } } },
    versand: { type: 'object', properties: { strasse: { type: 'string' } }, required: ['strasse'] },
  },
  required: ['adresse'],
};
const uiSchema = { farbe: { 'ui:enumNames': ['Rot', 'Grün'] }, name: { 'ui:title': 'Ihr Name' } };

describe('answers for review, confirmation and download', () => {
  it.each([
    ['geboren', '2001-08-14', '14.08.2001'],
    ['art', 'b', 'Zweite Art'],
    ['farbe', 'g', 'Grün'],
    ['zustimmung', true, 'Ja'],
    ['zustimmung', false, 'Nein'],
    ['anzahl', 1234.5, '1.234,5'],
    ['datei', 'data:application/pdf;name=Antrag%20A.pdf;base64,AAAA', 'Antrag A.pdf'],
    ['name', '', NO_ANSWER],
    ['name', undefined, NO_ANSWER],
  ])('When %s is %j, then it reads %j', (property, value, text) => {
    const propertySchema = (schema.properties as Record<string, RJSFSchema>)[property]!;
    expect(formatAnswer(propertySchema, (uiSchema as unknown as Record<string, never>)[property], value)).toBe(text);
  });

  it('When answers are collected, then groups and titles follow the schema and the text lists them', () => {
    const answers = collectAnswers(schema, uiSchema, { name: 'Erika', adresse: { ort: 'Wegberg' }, kinder: [{ vorname: 'Max' }] }, '', ['name', 'adresse', 'kinder']);
    expect(answers).toEqual([
      { kind: 'value', key: 'name', label: 'Ihr Name', text: 'Erika' },
      { kind: 'group', key: 'adresse', label: 'Adresse', children: [{ kind: 'value', key: 'adresse.ort', label: 'Ort', text: 'Wegberg' }] },
      {
        kind: 'group',
        key: 'kinder',
        label: 'Kinder',
        children: [{ kind: 'group', key: 'kinder.0', label: 'Eintrag 1', children: [{ kind: 'value', key: 'kinder.0.vorname', label: 'Vorname', text: 'Max' }] }],
      },
    ]);
    expect(formatAnswersText(answers)).toBe('Ihr Name: Erika\nAdresse\n  Ort: Wegberg\nKinder\n  Eintrag 1\n    Vorname: Max');
  });

  it.each([
    ['data:image/png;name=Foto%20%C3%A4.png;base64,AA==', 'Foto ä.png'],
    ['data:image/png;base64,AA==', undefined],
    ['keine Datei', undefined],
  ])('When the data URL is %s, then the file name is %j', (value, name) => {
    expect(getDataUrlFileName(value)).toBe(name);
  });
});

describe('error summary labels and ids', () => {
  it.each([
    ['name', 'root_name', 'Ihr Name'],
    ['.adresse.ort', 'root_adresse_ort', 'Ort'],
    ['.kinder.1.vorname', 'root_kinder_1_vorname', 'Kinder, Eintrag 2: Vorname'],
    ['.unbekannt', 'root_unbekannt', 'unbekannt'],
  ])('When rjsf reports %s, then the link goes to #%s labelled %j', (property, id, label) => {
    const segments = toPathSegments(property);
    expect(toFieldId(segments)).toBe(id);
    expect(getFieldLabel(schema, uiSchema, segments)).toBe(label);
  });
});

describe('pruneEmptyObjects', () => {
  it.each([
    ['an optional empty object', { versand: {}, name: 'a' }, { name: 'a' }],
    ['a required empty object', { adresse: {} }, { adresse: {} }],
    ['a filled optional object', { versand: { strasse: 'x' } }, { versand: { strasse: 'x' } }],
    ['arrays and primitives', { kinder: [{}], name: '' }, { kinder: [{}], name: '' }],
  ])('When the data has %s, then %j becomes %j', (_name, data, expected) => {
    expect(pruneEmptyObjects(data, schema)).toEqual(expected);
  });
});

describe('German rjsf strings', () => {
  it('When every TranslatableString is translated, then none stays English', () => {
    for (const key of Object.values(TranslatableString)) {
      const text = translateGerman(key, ['A', 'B', 'C']);
      expect(text, key).not.toBe(key);
      expect(text).not.toMatch(/%\d/);
    }
    expect(translateGerman(TranslatableString.AddItemButton)).toBe('Eintrag hinzufügen');
  });
});

describe('resume codes', () => {
  it('When codes are created, then they are distinct 32-character Crockford codes in groups of four', () => {
    const codes = new Set(Array.from({ length: 200 }, () => createResumeCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });
  it.each([
    ['lower case and spaces', (code: string) => code.toLowerCase().replace(/-/g, ' ')],
    ['O for 0 and I for 1', (code: string) => code.replace(/0/g, 'O').replace(/1/g, 'I')],
  ])('When a code is typed with %s, then it hashes like the original', (_name, mangle) => {
    const code = createResumeCode();
    expect(hashResumeCode(mangle(code))).toBe(hashResumeCode(code));
  });
  it.each([['kurz'], [''], [42], [null], ['U'.repeat(32)], ['A'.repeat(200)]])('When %j is given, then there is no hash', (input) => {
    expect(hashResumeCode(input)).toBeUndefined();
  });
});

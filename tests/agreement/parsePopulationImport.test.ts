import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePopulationImport } from '../../engine/agreement/parsePopulationImport.ts';

const KEYS = ['05370004', '05370008', '05370012'];
const csv = (text: string) => parsePopulationImport(text, { format: 'csv', municipalityKeys: KEYS });
const json = (value: unknown) => parsePopulationImport(JSON.stringify(value), { format: 'json', municipalityKeys: KEYS });

describe('parsePopulationImport: accepted input', () => {
  it.each([
    {
      name: 'English CSV with comma and quoted source',
      text: 'municipalityKey,population,referenceDate,source,official\n05370004,45000,2023-06-30,"IT.NRW, Tabelle 12411-01",true\n',
      expected: [{ referenceDate: '2023-06-30', municipalityKey: '05370004', population: 45000, source: 'IT.NRW, Tabelle 12411-01', official: true }],
    },
    {
      name: 'German Excel CSV with semicolons, BOM, CRLF, ja/nein and other column order',
      text: '\uFEFFStichtag;AGS;Einwohner;Quelle;Amtlich\r\n2023-06-30;05370008;13000;IT.NRW;ja\r\n2023-06-30;05370012;28000;Schätzung;nein\r\n\r\n',
      expected: [
        { referenceDate: '2023-06-30', municipalityKey: '05370008', population: 13000, source: 'IT.NRW', official: true },
        { referenceDate: '2023-06-30', municipalityKey: '05370012', population: 28000, source: 'Schätzung', official: false },
      ],
    },
    {
      name: 'CSV without an official column counts as not official',
      text: 'municipalityKey,population,referenceDate,source\n05370004,45000,2023-06-30,Zensus\n',
      expected: [{ referenceDate: '2023-06-30', municipalityKey: '05370004', population: 45000, source: 'Zensus', official: false }],
    },
  ])('$name', ({ text, expected }) => {
    expect(csv(text)).toEqual({ ok: true, figures: expected });
  });

  it('reads JSON rows and the einwohner.json seed shape', () => {
    expect(json([{ municipalityKey: '05370004', population: 1, referenceDate: '2023-06-30', source: 'x', official: false }])).toEqual({
      ok: true,
      figures: [{ municipalityKey: '05370004', population: 1, referenceDate: '2023-06-30', source: 'x', official: false }],
    });
    const seed = readFileSync(new URL('../../server/seed/einwohner.json', import.meta.url), 'utf8');
    const result = parsePopulationImport(seed, {
      format: 'json',
      municipalityKeys: ['05370004', '05370008', '05370012', '05370016', '05370020', '05370024', '05370028', '05370032', '05370036', '05370040'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.figures).toHaveLength(20);
    expect(result.figures[0]).toMatchObject({ referenceDate: '2014-06-30', municipalityKey: '05370004', population: 42884, official: true });
    expect(result.figures[10]).toMatchObject({ referenceDate: '2022-05-15', municipalityKey: '05370004', population: 44216, official: false });
  });
});

describe('parsePopulationImport: rejected input names the line', () => {
  it.each([
    {
      name: 'missing column',
      text: 'ags,einwohner,quelle\n05370004,1,x\n',
      problems: [{ line: 1, message: 'header has no column "referenceDate" (also accepted: stichtag)' }],
    },
    {
      name: 'unknown key (the Kreis has no population share), bad number, impossible date, empty source',
      text: 'ags,einwohner,stichtag,quelle\n05370,100,2023-06-30,x\n05370004,12.5,2023-06-30,x\n05370008,100,2023-02-29,x\n05370012,100,2023-06-30,\n',
      problems: [
        { line: 2, message: 'unknown municipality key "05370" (expected one of the Kommunen: 05370004, 05370008, 05370012)' },
        { line: 3, message: 'population must be a positive whole number (digits only, no thousands separators), got "12.5"' },
        { line: 4, message: 'reference date must be a real date YYYY-MM-DD, got "2023-02-29"' },
        { line: 5, message: 'source must not be empty (name where the figure comes from)' },
      ],
    },
    {
      name: 'duplicate figure, wrong field count, bad official flag',
      text: 'ags,einwohner,stichtag,quelle,amtlich\n05370004,1,2023-06-30,x,ja\n05370004,2,2023-06-30,x,ja\n05370008,1,2023-06-30\n05370012,1,2023-06-30,x,vielleicht\n',
      problems: [
        { line: 3, message: 'duplicate figure for 05370004 on 2023-06-30 (first at line 2)' },
        { line: 4, message: 'expected 5 fields like the header, got 3' },
        { line: 5, message: 'official must be true/false (or ja/nein, 1/0), got "vielleicht"' },
      ],
    },
    { name: 'only a header', text: 'ags,einwohner,stichtag,quelle\n', problems: [{ message: 'the import contains no figures' }] },
    { name: 'unclosed quote', text: 'ags,einwohner,stichtag,quelle\n05370004,1,2023-06-30,"IT.NRW\n', problems: [{ line: 2, message: 'unclosed double quote' }] },
  ])('$name', ({ text, problems }) => {
    expect(csv(text)).toEqual({ ok: false, problems });
  });

  it('names JSON pointers, once per dataset-level mistake', () => {
    expect(json({ datasets: [{ stichtag: '2023-6-30', quelle: 'x', amtlich: true, werte: { '05370004': 1, '05370008': -5 } }] })).toEqual({
      ok: false,
      problems: [
        { pointer: '/datasets/0/stichtag', message: 'reference date must be a real date YYYY-MM-DD, got "2023-6-30"' },
        { pointer: '/datasets/0/werte/05370008', message: 'population must be a positive whole number (digits only, no thousands separators), got -5' },
      ],
    });
    expect(parsePopulationImport('{', { format: 'json', municipalityKeys: KEYS })).toMatchObject({ ok: false, problems: [{ pointer: '' }] });
    expect(json({ tables: [] })).toMatchObject({ ok: false, problems: [{ pointer: '', message: expect.stringContaining('expected an array') }] });
  });
});

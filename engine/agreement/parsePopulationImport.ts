import { isIsoDate } from '../germanFormats.ts';
import type { PopulationFigure } from './types.ts';

/** A problem in a population import: `line` for CSV (1-based, header is line 1), `pointer` for JSON. */
export interface PopulationImportProblem {
  line?: number;
  pointer?: string;
  message: string;
}

export type PopulationImportResult =
  | { ok: true; figures: PopulationFigure[] }
  | { ok: false; problems: PopulationImportProblem[] };

export interface PopulationImportOptions {
  format: 'csv' | 'json';
  /** The municipality keys a figure may be for (the ten Kommunen; the Kreis has no population share). */
  municipalityKeys: readonly string[];
}

const COLUMN_ALIASES: Record<keyof PopulationFigure, readonly string[]> = {
  municipalityKey: ['municipalitykey', 'ags', 'gemeindeschluessel', 'gemeindeschlüssel'],
  population: ['population', 'einwohner', 'einwohnerzahl'],
  referenceDate: ['referencedate', 'stichtag'],
  source: ['source', 'quelle'],
  official: ['official', 'amtlich'],
};
const TRUE_WORDS = ['true', 'ja', '1', 'yes'];
const FALSE_WORDS = ['false', 'nein', '0', 'no', ''];

/**
 * Parses and checks a population import (all or nothing: any problem rejects the whole file, so nothing is
 * half-imported). Accepted shapes:
 * - CSV with a header row; columns (English or German names, any order, comma or semicolon separated,
 *   double quotes for fields with separators): municipalityKey|ags|gemeindeschluessel,
 *   population|einwohner, referenceDate|stichtag, source|quelle, official|amtlich (optional: true/false/ja/nein/1/0,
 *   empty or missing = false).
 * - JSON: an array of `{ municipalityKey, population, referenceDate, source, official? }`, or the seed shape
 *   `{ datasets: [{ stichtag, quelle, amtlich, werte: { "<key>": <population> } }] }` (server/seed/einwohner.json).
 * Figures are positive integers, dates real `YYYY-MM-DD` dates, keys among `municipalityKeys`, and each
 * (reference date, key) appears at most once.
 */
export function parsePopulationImport(text: string, options: PopulationImportOptions): PopulationImportResult {
  const rows = options.format === 'csv' ? readCsvRows(text) : readJsonRows(text);
  const problems: PopulationImportProblem[] = [...rows.problems];
  const figures: PopulationFigure[] = [];
  const seen = new Map<string, string>();
  for (const row of rows.rows) {
    const fail = (field: string, message: string): void => {
      problems.push(row.line !== undefined ? { line: row.line, message } : { pointer: `${row.pointer}${field}`, message });
    };
    const before = problems.length;
    const key = typeof row.municipalityKey === 'string' ? row.municipalityKey.trim() : row.municipalityKey;
    if (typeof key !== 'string' || !options.municipalityKeys.includes(key)) {
      fail(row.fields.municipalityKey, `unknown municipality key ${JSON.stringify(key ?? null)} (expected one of the Kommunen: ${options.municipalityKeys.join(', ')})`);
    }
    const population = toInteger(row.population);
    if (population === undefined || population <= 0) {
      fail(row.fields.population, `population must be a positive whole number (digits only, no thousands separators), got ${JSON.stringify(row.population ?? null)}`);
    }
    const referenceDate = typeof row.referenceDate === 'string' ? row.referenceDate.trim() : row.referenceDate;
    if (typeof referenceDate !== 'string' || !isIsoDate(referenceDate)) {
      fail(row.fields.referenceDate, `reference date must be a real date YYYY-MM-DD, got ${JSON.stringify(referenceDate ?? null)}`);
    }
    const source = typeof row.source === 'string' ? row.source.trim() : '';
    if (source === '') fail(row.fields.source, 'source must not be empty (name where the figure comes from)');
    const official = toBoolean(row.official);
    if (official === undefined) {
      fail(row.fields.official, `official must be true/false (or ja/nein, 1/0), got ${JSON.stringify(row.official)}`);
    }
    if (problems.length > before) continue;
    const id = `${referenceDate as string}|${key as string}`;
    const where = row.line !== undefined ? `line ${row.line}` : row.pointer;
    const first = seen.get(id);
    if (first !== undefined) {
      fail(row.fields.municipalityKey, `duplicate figure for ${key as string} on ${referenceDate as string} (first at ${first})`);
      continue;
    }
    seen.set(id, where);
    figures.push({
      referenceDate: referenceDate as string,
      municipalityKey: key as string,
      population: population as number,
      source,
      official: official as boolean,
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (rows.rows.length === 0 && problems.length === 0) problems.push({ message: 'the import contains no figures' });
  return problems.length > 0 ? { ok: false, problems: dedupe(problems) } : { ok: true, figures };
}

interface RawRow {
  line?: number;
  pointer: string;
  /** Per field: the suffix appended to `pointer` for JSON problems. */
  fields: Record<keyof PopulationFigure, string>;
  municipalityKey: unknown;
  population: unknown;
  referenceDate: unknown;
  source: unknown;
  official: unknown;
}

/** Rows that could be read, and problems with rows that could not (reported together). */
interface RowsAndProblems {
  rows: RawRow[];
  problems: PopulationImportProblem[];
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : undefined;
  }
  return undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const word = String(value).trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
  }
  return undefined;
}

function readCsvRows(text: string): RowsAndProblems {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.includes(';') && !header.includes(',') ? ';' : ',';
  const headerCells = splitCsvLine(header, separator);
  if (headerCells === undefined) return { rows: [], problems: [{ line: 1, message: 'header row has an unclosed quote' }] };
  const names = headerCells.map((cell) => cell.trim().toLowerCase());
  const columnOf = {} as Record<keyof PopulationFigure, number>;
  const problems: PopulationImportProblem[] = [];
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [keyof PopulationFigure, readonly string[]][]) {
    const index = names.findIndex((name) => aliases.includes(name));
    if (index === -1 && field !== 'official') {
      problems.push({ line: 1, message: `header has no column "${field}" (also accepted: ${aliases.slice(1).join(', ')})` });
    }
    columnOf[field] = index;
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows: RawRow[] = [];
  const noFields = { municipalityKey: '', population: '', referenceDate: '', source: '', official: '' };
  lines.slice(1).forEach((content, index) => {
    const line = index + 2;
    if (content.trim() === '') return;
    const cells = splitCsvLine(content, separator);
    if (cells === undefined) {
      problems.push({ line, message: 'unclosed double quote' });
      return;
    }
    if (cells.length !== headerCells.length) {
      problems.push({ line, message: `expected ${headerCells.length} fields like the header, got ${cells.length}` });
      return;
    }
    const cell = (field: keyof PopulationFigure): string | undefined =>
      columnOf[field] === -1 ? undefined : cells[columnOf[field]];
    rows.push({
      line,
      pointer: '',
      fields: noFields,
      municipalityKey: cell('municipalityKey'),
      population: cell('population'),
      referenceDate: cell('referenceDate'),
      source: cell('source'),
      official: cell('official'),
    });
  });
  return { rows, problems };
}

/** Splits one CSV line (RFC 4180 quoting; no line breaks inside fields). Undefined on an unclosed quote. */
function splitCsvLine(line: string, separator: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

function readJsonRows(text: string): RowsAndProblems {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { rows: [], problems: [{ pointer: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (Array.isArray(data)) {
    return {
      problems: [],
      rows: data.map((item, index) => {
        const record = isRecord(item) ? item : {};
        return {
          pointer: `/${index}`,
          fields: {
            municipalityKey: '/municipalityKey',
            population: '/population',
            referenceDate: '/referenceDate',
            source: '/source',
            official: '/official',
          },
          municipalityKey: record.municipalityKey,
          population: record.population,
          referenceDate: record.referenceDate,
          source: record.source,
          official: record.official,
        };
      }),
    };
  }
  if (isRecord(data) && Array.isArray(data.datasets)) {
    const rows: RawRow[] = [];
    const problems: PopulationImportProblem[] = [];
    data.datasets.forEach((dataset: unknown, index) => {
      const pointer = `/datasets/${index}`;
      if (!isRecord(dataset) || !isRecord(dataset.werte)) {
        problems.push({ pointer: `${pointer}/werte`, message: 'a dataset needs "werte": { "<municipality key>": <population> }' });
        return;
      }
      for (const [key, population] of Object.entries(dataset.werte)) {
        rows.push({
          pointer,
          fields: {
            municipalityKey: `/werte/${key}`,
            population: `/werte/${key}`,
            referenceDate: '/stichtag',
            source: '/quelle',
            official: '/amtlich',
          },
          municipalityKey: key,
          population,
          referenceDate: dataset.stichtag,
          source: dataset.quelle,
          official: dataset.amtlich,
        });
      }
    });
    return { rows, problems };
  }
  return {
    rows: [],
    problems: [{ pointer: '', message: 'expected an array of figures or an object with "datasets" (the einwohner.json shape)' }],
  };
}

/** A dataset-level mistake (e.g. a bad stichtag) is reported once, not once per municipality. */
function dedupe(problems: readonly PopulationImportProblem[]): PopulationImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const id = `${problem.line ?? ''}|${problem.pointer ?? ''}|${problem.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

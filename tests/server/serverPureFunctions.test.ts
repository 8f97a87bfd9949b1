import { describe, expect, it } from 'vitest';
import { getStartOfDayInGermany } from '../../server/domain/getStartOfDayInGermany.ts';
import { isAllowedStatusTransition } from '../../server/domain/isAllowedStatusTransition.ts';
import { listDataColumns } from '../../server/domain/listDataColumns.ts';
import { toCsvCell } from '../../server/domain/toCsvCell.ts';
import { loadConfig } from '../../server/loadConfig.ts';
import { getYearInGermany } from '../../server/usecases/getYearInGermany.ts';
import type { SubmissionStatus } from '../../server/storage/SubmissionRepository.ts';

describe('isAllowedStatusTransition', () => {
  const table: [SubmissionStatus, SubmissionStatus, boolean][] = [
    ['eingegangen', 'in_bearbeitung', true],
    ['eingegangen', 'abgeschlossen', false],
    ['eingegangen', 'abgelehnt', false],
    ['eingegangen', 'eingegangen', false],
    ['in_bearbeitung', 'abgeschlossen', true],
    ['in_bearbeitung', 'abgelehnt', true],
    ['in_bearbeitung', 'eingegangen', false],
    ['abgeschlossen', 'in_bearbeitung', false],
    ['abgelehnt', 'abgeschlossen', false],
  ];
  it.each(table)('%s -> %s is %s', (from, to, allowed) => expect(isAllowedStatusTransition(from, to)).toBe(allowed));
});

describe('toCsvCell', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['Erika', 'Erika'],
    [42, '42'],
    [-5, '-5'],
    [true, 'true'],
    ['a;b', '"a;b"'],
    ['sagte "hallo"', '"sagte ""hallo"""'],
    ['zwei\nZeilen', '"zwei\nZeilen"'],
    ['=1+1', "'=1+1"],
    ['+49 2431', "'+49 2431"],
    ['-Abzug', "'-Abzug"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [['a', 'b'], '"[""a"",""b""]"'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%j -> %j', (value, cell) => expect(toCsvCell(value)).toBe(cell));
});

describe('getStartOfDayInGermany', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
  ])('%s begins at %s', (day, instant) => expect(getStartOfDayInGermany(day)).toBe(instant));
});

describe('getYearInGermany', () => {
  it.each([
    ['2026-12-31T22:59:59Z', 2026],
    ['2026-12-31T23:00:00Z', 2027],
    ['2027-06-01T12:00:00Z', 2027],
  ])('%s is in %i', (instant, year) => expect(getYearInGermany(new Date(instant))).toBe(year));
});

describe('listDataColumns', () => {
  it('flattens nested objects in schema order and keeps arrays as one column', () => {
    const schema = {
      type: 'object',
      properties: {
        person: { type: 'object', properties: { vorname: { type: 'string' }, adresse: { type: 'object', properties: { plz: { type: 'string' } } } } },
        kinder: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        frei: { type: 'object' },
      },
    };
    expect(listDataColumns(schema)).toEqual([['person', 'vorname'], ['person', 'adresse', 'plz'], ['kinder'], ['frei']]);
  });
});

describe('loadConfig', () => {
  it('When nothing is set, then the defaults apply', () => {
    const config = loadConfig({}, '/srv/kf');
    expect(config).toMatchObject({ port: 3000, dataDir: '/srv/kf/data', formsDir: '/srv/kf/forms', cookieSecure: 'auto', logLevel: 'info', bodyLimitBytes: 262144, submissionBodyLimitBytes: 262144 });
    expect(config.enablementsFile).toBe('/srv/kf/server/seed/enablements.json');
  });
  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ COOKIE_SECURE: 'maybe' }, /COOKIE_SECURE/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ BODY_LIMIT_BYTES: '10' }, /BODY_LIMIT_BYTES/],
  ])('When %j, then loading throws naming the variable', (env, message) => expect(() => loadConfig(env, '/')).toThrow(message));
  it('When values are set, then they are used', () => {
    expect(loadConfig({ PORT: '8080', COOKIE_SECURE: 'true', LOG_LEVEL: 'silent', TRUST_PROXY: '1' }, '/')).toMatchObject({ port: 8080, cookieSecure: true, logLevel: 'silent', trustProxy: 1 });
  });
});

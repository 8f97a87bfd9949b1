import { describe, expect, it } from 'vitest';
import { germanFormats, isDataUrl, isDePhone, isIban, isPastDate, isSteuerId, todayInGermany } from '../../engine/index.ts';

describe('germanFormats', () => {
  it.each([
    ['DE89370400440532013000', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['DE02120300000000202051', true],
    ['NL91ABNA0417164300', true],
    ['AT611904300234573201', true],
    ['GB82WEST12345698765432', true],
    ['DE89370400440532013001', false], // checksum
    ['DE8937040044053201300', false], // too short for DE
    ['DE89X70400440532013000', false], // letters in a German IBAN
    ['de89370400440532013000', false], // lower case
    ['NL91ABNA041716430', false], // wrong length for NL
    ['', false],
  ])('iban %j -> %s', (value, expected) => {
    expect(isIban(value)).toBe(expected);
  });

  it.each([
    ['86095742719', true],
    ['47036892816', true],
    ['65929970489', true],
    ['57549285017', true],
    ['25768131411', true],
    ['86095742710', false], // check digit
    ['06095742719', false], // leading zero
    ['12345678903', false], // no repeated digit
    ['11145678903', false], // digit three times in a row
    ['8609574271', false], // 10 digits
    ['8609574271a', false],
  ])('steuer-id %j -> %s', (value, expected) => {
    expect(isSteuerId(value)).toBe(expected);
  });

  it.each([
    ['2000-02-29', true],
    ['1980-12-31', true],
    [todayInGermany(), true],
    ['2100-01-01', false],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['01.02.2023', false],
  ])('past-date %j -> %s', (value, expected) => {
    expect(isPastDate(value)).toBe(expected);
  });

  it('computes today in German time, not UTC', () => {
    expect(todayInGermany(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInGermany(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it.each([
    ['data:application/pdf;name=nachweis.pdf;base64,JVBERi0xLjQK', true],
    ['data:image/png;name=foto%20hund.png;base64,iVBORw0KGgo=', true],
    ['data:;name=datei;base64,aGFsbG8=', true],
    ['data:application/pdf;base64,JVBERi0xLjQK', false], // no name
    ['data:application/pdf;name=x.pdf;base64,JVBERi0xLjQ', false], // bad base64 length
    ['data:application/pdf;name=x.pdf;base64,', false], // empty
    ['data:text/plain;name=%E0%A4%A;base64,aGFsbG8=', false], // broken escape
    ['https://example.org/x.pdf', false],
  ])('data-url %j -> %s', (value, expected) => {
    expect(isDataUrl(value)).toBe(expected);
  });

  it.each([
    ['02452 13-0', true],
    ['+49 2452 130', true],
    ['0049 (2452) 13-0', true],
    ['0171/1234567', true],
    ['12345', false],
    ['+31 20 1234567', false],
    ['0', false],
  ])('de-phone %j -> %s', (value, expected) => {
    expect(isDePhone(value)).toBe(expected);
  });

  it('exposes every format as an ajv string format', () => {
    expect(Object.keys(germanFormats).sort()).toEqual(['data-url', 'de-phone', 'iban', 'past-date', 'steuer-id']);
    for (const format of Object.values(germanFormats)) expect(format.type).toBe('string');
  });
});

import { describe, expect, it } from 'vitest';
import { buildParticipationMatrix } from '../../engine/agreement/buildParticipationMatrix.ts';
import { createTerminationMessage } from '../../engine/agreement/createTerminationMessage.ts';
import { isAcceptingSubmissions } from '../../engine/agreement/isAcceptingSubmissions.ts';
import { isParticipatingInYear } from '../../engine/agreement/isParticipatingInYear.ts';
import { PARTICIPANTS } from '../../engine/participants.ts';

describe('isParticipatingInYear', () => {
  it.each([
    { name: 'agreed on 31.12. of the year: takes part that year', enabled: true, agreedOn: '2025-12-31', endsOn: undefined, year: 2025, expected: true },
    { name: 'agreed on 01.01. of the next year: not yet', enabled: true, agreedOn: '2026-01-01', endsOn: undefined, year: 2025, expected: false },
    { name: 'agreed years before: takes part', enabled: true, agreedOn: '2021-06-14', endsOn: undefined, year: 2025, expected: true },
    { name: 'disabled: does not take part', enabled: false, agreedOn: '2021-06-14', endsOn: undefined, year: 2025, expected: false },
    { name: 'ends 31.12. of the year: still takes part that year', enabled: true, agreedOn: '2021-06-14', endsOn: '2025-12-31', year: 2025, expected: true },
    { name: 'ended 31.12. of the year before: out', enabled: true, agreedOn: '2021-06-14', endsOn: '2024-12-31', year: 2025, expected: false },
  ])('$name', ({ enabled, agreedOn, endsOn, year, expected }) => {
    expect(isParticipatingInYear({ tenant: 'erkelenz', service: 's', enabled, agreedOn }, endsOn, year)).toBe(expected);
  });
});

describe('isAcceptingSubmissions', () => {
  it.each([
    { endsOn: null, today: '2030-01-01', expected: true },
    { endsOn: '2026-12-31', today: '2026-12-31', expected: true },
    { endsOn: '2026-12-31', today: '2027-01-01', expected: false },
  ])('ends $endsOn, today $today -> $expected', ({ endsOn, today, expected }) => {
    expect(isAcceptingSubmissions(endsOn, today)).toBe(expected);
  });
});

describe('createTerminationMessage', () => {
  it('names the portal, the first closed day and the end date in German', () => {
    expect(createTerminationMessage({ name: 'Gemeinde Gangelt', portalName: 'Serviceportal Gemeinde Gangelt' }, '2027-12-31')).toBe(
      'Das Serviceportal Gemeinde Gangelt nimmt seit dem 01.01.2028 keine Anträge mehr an. Die Gemeinde Gangelt ist zum 31.12.2027 ' +
        'aus dem gemeinsamen Serviceportal des Kreises Heinsberg ausgeschieden. Bitte wenden Sie sich direkt an die Gemeinde Gangelt.',
    );
  });
});

describe('buildParticipationMatrix', () => {
  it('has one cell per participant, counts Kommunen only, and marks a service all ten Kommunen offer', () => {
    const kommunen = PARTICIPANTS.filter((participant) => participant.kind === 'kommune');
    const matrix = buildParticipationMatrix({
      services: [
        { service: 'b-all', title: 'B', lead: { kind: 'kreis' } },
        { service: 'a-two', title: 'A', lead: { kind: 'kommunen', participants: ['erkelenz', 'gangelt'] } },
      ],
      participants: PARTICIPANTS,
      enablements: [
        ...kommunen.map((kommune) => ({ tenant: kommune.slug, service: 'b-all', enabled: true, agreedOn: '2024-01-01' })),
        { tenant: 'kreis-heinsberg', service: 'a-two', enabled: true, agreedOn: '2024-01-01' },
        { tenant: 'erkelenz', service: 'a-two', enabled: true, agreedOn: '2024-02-01' },
        { tenant: 'gangelt', service: 'a-two', enabled: false, agreedOn: '2024-02-01' },
      ],
      terminations: [{ tenant: 'wegberg', noticeDate: '2026-07-01', endsOn: '2027-12-31' }],
    });
    expect(matrix.services.map((row) => [row.service, row.kommunenCount, row.offeredByAllKommunen])).toEqual([
      ['a-two', 1, false],
      ['b-all', 10, true],
    ]);
    expect(matrix.services[0]?.cells.slice(0, 3)).toEqual([
      { tenant: 'kreis-heinsberg', offered: true, agreedOn: '2024-01-01' },
      { tenant: 'erkelenz', offered: true, agreedOn: '2024-02-01' },
      { tenant: 'gangelt', offered: false, agreedOn: '2024-02-01' },
    ]);
    expect(matrix.participants.find((participant) => participant.tenant === 'wegberg')?.endsOn).toBe('2027-12-31');
  });
});

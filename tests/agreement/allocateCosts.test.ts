import { describe, expect, it } from 'vitest';
import { allocateCosts, type AllocateCostsInput, type CostAllocation } from '../../engine/agreement/allocateCosts.ts';
import { getReferenceDate } from '../../engine/agreement/getReferenceDate.ts';
import type { AgreementEnablement, PopulationFigure } from '../../engine/agreement/types.ts';
import { PARTICIPANTS } from '../../engine/participants.ts';

const KOMMUNEN = PARTICIPANTS.filter((participant) => participant.kind === 'kommune').map((p) => p.slug);

function figure(referenceDate: string, municipalityKey: string, population: number, official = true): PopulationFigure {
  return { referenceDate, municipalityKey, population, source: official ? 'IT.NRW' : 'Demo', official };
}
function enabled(tenant: string, agreedOn: string, isEnabled = true): AgreementEnablement {
  return { tenant, service: 'svc', enabled: isEnabled, agreedOn };
}
function run(partial: Partial<AllocateCostsInput>): CostAllocation {
  return allocateCosts({
    service: 'svc',
    lead: { kind: 'kreis' },
    year: 2025,
    amountCents: 10000,
    participants: PARTICIPANTS,
    enablements: [],
    terminations: [],
    populationFigures: [],
    ...partial,
  });
}
function shares(allocation: CostAllocation): [string, string, number, number][] {
  if (allocation.kind !== 'split') throw new Error(`expected a split, got ${allocation.kind}`);
  return allocation.shares.map((share) => [share.tenant, share.referenceDate, share.population, share.shareCents]);
}

// Tables used below: 2023-06-30 (for agreements in 2024) and 2024-06-30 (for agreements in 2025).
const T2023 = [
  figure('2023-06-30', '05370004', 45000), // Erkelenz
  figure('2023-06-30', '05370008', 13000), // Gangelt
  figure('2023-06-30', '05370012', 28000), // Geilenkirchen
];
const T2024 = [
  figure('2024-06-30', '05370004', 45500),
  figure('2024-06-30', '05370008', 12000),
  figure('2024-06-30', '05370012', 28200),
];

describe('getReferenceDate', () => {
  it.each([
    ['2024-03-01', '2023-06-30'],
    ['2024-01-01', '2023-06-30'],
    ['2024-12-31', '2023-06-30'],
    ['2025-01-01', '2024-06-30'],
    ['2020-02-29', '2019-06-30'],
  ])('implementation agreed on %s -> figures as of %s', (agreedOn, expected) => {
    expect(getReferenceDate(agreedOn)).toBe(expected);
  });
});

describe('allocateCosts: splits', () => {
  const splitCases: { name: string; input: Partial<AllocateCostsInput>; expected: [string, string, number, number][] }[] = [
    {
      // 10000 cents, three equal populations: 3333.33 each -> floors 9999, 1 cent to the smallest key (Erkelenz).
      name: '100.00 EUR over three equal populations: 3334 / 3333 / 3333',
      input: {
        year: 2024,
        enablements: [enabled('gangelt', '2024-03-01'), enabled('erkelenz', '2024-03-01'), enabled('geilenkirchen', '2024-05-01')],
        populationFigures: ['05370004', '05370008', '05370012'].map((key) => figure('2023-06-30', key, 20000)),
      },
      expected: [
        ['erkelenz', '2023-06-30', 20000, 3334],
        ['gangelt', '2023-06-30', 20000, 3333],
        ['geilenkirchen', '2023-06-30', 20000, 3333],
      ],
    },
    {
      // 2024, only Erkelenz and Gangelt (Geilenkirchen agreed in 2025, so not yet in 2024).
      // Weights 45000 + 13000 = 58000. 500000 * 45000 / 58000 = 387931.03 -> 387931 r 0.03;
      // 500000 * 13000 / 58000 = 112068.97 -> 112068 r 0.97; floors 499999, 1 cent to Gangelt.
      name: 'a Kommune that joins later does not pay for the earlier year',
      input: {
        year: 2024,
        amountCents: 500000,
        enablements: [enabled('erkelenz', '2024-03-01'), enabled('gangelt', '2024-11-30'), enabled('geilenkirchen', '2025-02-01')],
        populationFigures: [...T2023, ...T2024],
      },
      expected: [
        ['erkelenz', '2023-06-30', 45000, 387931],
        ['gangelt', '2023-06-30', 13000, 112069],
      ],
    },
    {
      // 2025: Geilenkirchen joined on 2025-02-01 -> its own reference date 2024-06-30 (28200); the others keep
      // 2023-06-30 (45000, 13000). Sum 86200. 500000 * 45000 / 86200 = 261020.88 -> 261020 r 0.88;
      // 500000 * 13000 / 86200 = 75406.03 -> 75406 r 0.03; 500000 * 28200 / 86200 = 163573.09 -> 163573 r 0.09;
      // floors 499999, 1 cent to Erkelenz (0.88).
      name: 'a Kommune that joins in a later year is weighed with its own later reference date',
      input: {
        year: 2025,
        amountCents: 500000,
        enablements: [enabled('erkelenz', '2024-03-01'), enabled('gangelt', '2024-11-30'), enabled('geilenkirchen', '2025-02-01')],
        populationFigures: [...T2023, ...T2024],
      },
      expected: [
        ['erkelenz', '2023-06-30', 45000, 261021],
        ['gangelt', '2023-06-30', 13000, 75406],
        ['geilenkirchen', '2024-06-30', 28200, 163573],
      ],
    },
    {
      // The Kreis offers it too but has no population share: Erkelenz alone bears 12345.
      name: 'the Kreis portal offering the service does not take a share',
      input: {
        amountCents: 12345,
        enablements: [enabled('kreis-heinsberg', '2023-01-10'), enabled('erkelenz', '2024-03-01')],
        populationFigures: T2023,
      },
      expected: [['erkelenz', '2023-06-30', 45000, 12345]],
    },
    {
      // Gangelt disabled the service: only Erkelenz and Geilenkirchen. 1000 * 45000 / 73000 = 616.44 -> 616 r 0.44;
      // 1000 * 28000 / 73000 = 383.56 -> 383 r 0.56; floors 999, 1 cent to Geilenkirchen.
      name: 'a disabled enablement does not participate',
      input: {
        amountCents: 1000,
        enablements: [enabled('erkelenz', '2024-03-01'), enabled('gangelt', '2024-03-01', false), enabled('geilenkirchen', '2024-03-01')],
        populationFigures: T2023,
      },
      expected: [
        ['erkelenz', '2023-06-30', 45000, 616],
        ['geilenkirchen', '2023-06-30', 28000, 384],
      ],
    },
    {
      // Erkelenz ends on 2024-12-31 (notice in 2024): it no longer participates in 2025; Gangelt bears all.
      name: 'a Kommune that left before the year does not participate',
      input: {
        amountCents: 7777,
        enablements: [enabled('erkelenz', '2024-03-01'), enabled('gangelt', '2024-03-01')],
        terminations: [{ tenant: 'erkelenz', noticeDate: '2024-05-02', endsOn: '2024-12-31' }],
        populationFigures: T2023,
      },
      expected: [['gangelt', '2023-06-30', 13000, 7777]],
    },
    {
      // Erkelenz ends on 2025-12-31: it still participates in 2025. 7777 * 45000 / 58000 = 6033.88 -> 6033 r 0.88;
      // 7777 * 13000 / 58000 = 1743.12 -> 1743 r 0.12; floors 7776, 1 cent to Erkelenz.
      name: 'a Kommune in its last year still participates',
      input: {
        amountCents: 7777,
        enablements: [enabled('erkelenz', '2024-03-01'), enabled('gangelt', '2024-03-01')],
        terminations: [{ tenant: 'erkelenz', noticeDate: '2025-05-02', endsOn: '2025-12-31' }],
        populationFigures: T2023,
      },
      expected: [
        ['erkelenz', '2023-06-30', 45000, 6034],
        ['gangelt', '2023-06-30', 13000, 1743],
      ],
    },
  ];

  it.each(splitCases)('$name', ({ input, expected }) => {
    const allocation = run(input);
    expect(shares(allocation)).toEqual(expected);
    expect(shares(allocation).reduce((sum, [, , , cents]) => sum + cents, 0)).toBe(allocation.amountCents);
  });

  it('shows each figure with its reference date and source and marks non-official figures provisional', () => {
    const allocation = run({
      enablements: [enabled('erkelenz', '2024-03-01'), enabled('wegberg', '2025-01-02')],
      populationFigures: [figure('2023-06-30', '05370004', 45000), figure('2024-06-30', '05370040', 28000, false)],
    });
    expect(allocation).toMatchObject({
      kind: 'split',
      provisional: true,
      shares: [
        { tenant: 'erkelenz', municipalityKey: '05370004', agreedOn: '2024-03-01', referenceDate: '2023-06-30', source: 'IT.NRW', official: true },
        { tenant: 'wegberg', municipalityKey: '05370040', agreedOn: '2025-01-02', referenceDate: '2024-06-30', source: 'Demo', official: false },
      ],
    });
    const official = run({ enablements: [enabled('erkelenz', '2024-03-01')], populationFigures: T2023 });
    expect(official).toMatchObject({ kind: 'split', provisional: false });
  });
});

describe('allocateCosts: no split', () => {
  const allTen = KOMMUNEN.map((tenant) => enabled(tenant, '2024-03-01'));
  const cases: { name: string; input: Partial<AllocateCostsInput>; kind: CostAllocation['kind'] }[] = [
    { name: 'all ten Kommunen offer it: Kreisumlage', input: { enablements: allTen }, kind: 'kreisumlage' },
    {
      name: 'all ten Kommunen and the Kreis offer it: Kreisumlage',
      input: { enablements: [...allTen, enabled('kreis-heinsberg', '2024-03-01')] },
      kind: 'kreisumlage',
    },
    {
      // Wegberg left on 2024-12-31; the nine remaining Kommunen all take part in 2025: everyone still bound.
      name: 'all Kommunen still in the agreement offer it: Kreisumlage',
      input: {
        enablements: allTen.filter((entry) => entry.tenant !== 'wegberg'),
        terminations: [{ tenant: 'wegberg', noticeDate: '2024-01-15', endsOn: '2024-12-31' }],
      },
      kind: 'kreisumlage',
    },
    { name: 'only the Kreis offers it: the Kreis bears it', input: { enablements: [enabled('kreis-heinsberg', '2024-03-01')] }, kind: 'kreis-only' },
    { name: 'nobody offers it yet in that year', input: { year: 2023, enablements: [enabled('erkelenz', '2024-03-01')] }, kind: 'kreis-only' },
    {
      name: 'a service introduced by Kommunen is not split by the Kreis',
      input: { lead: { kind: 'kommunen', participants: ['erkelenz'] }, enablements: [enabled('erkelenz', '2024-03-01')] },
      kind: 'kommunen-lead',
    },
    {
      name: 'no cost entered for the year',
      input: { amountCents: undefined, enablements: [enabled('erkelenz', '2024-03-01')], populationFigures: T2023 },
      kind: 'cost-missing',
    },
  ];
  it.each(cases)('$name', ({ input, kind }) => {
    expect(run(input).kind).toBe(kind);
  });
});

describe('allocateCosts: other services', () => {
  it("ignores enablements of other services (getCostReport passes every service's rows)", () => {
    const other = { ...enabled('gangelt', '2024-03-01'), service: 'other-svc' };
    const allocation = run({ enablements: [enabled('erkelenz', '2024-03-01'), other], populationFigures: T2023 });
    expect(allocation.participants.map((participant) => participant.tenant)).toEqual(['erkelenz']);
    expect(shares(allocation)).toEqual([['erkelenz', '2023-06-30', 45000, 10000]]);
  });
});

describe('allocateCosts: missing population', () => {
  it('names the reference date whose table is missing, and never falls back to another date', () => {
    // Only the real seed dates exist; agreed in 2024 -> needs 2023-06-30.
    const allocation = run({
      enablements: [enabled('erkelenz', '2024-03-01'), enabled('gangelt', '2024-03-01')],
      populationFigures: [figure('2014-06-30', '05370004', 42884), figure('2022-05-15', '05370004', 44216, false)],
    });
    expect(allocation.kind).toBe('population-missing');
    if (allocation.kind !== 'population-missing') return;
    expect(allocation.missing).toEqual([
      { referenceDate: '2023-06-30', tenant: 'erkelenz' },
      { referenceDate: '2023-06-30', tenant: 'gangelt' },
    ]);
    expect(allocation.message).toBe(
      'Cannot split the costs: no population table for reference date 2023-06-30 (import the IT.NRW figures as of that date).',
    );
  });

  it('names the date and the municipality key when a table lacks one figure', () => {
    const allocation = run({
      enablements: [enabled('erkelenz', '2024-03-01'), enabled('wegberg', '2024-03-01')],
      populationFigures: T2023,
    });
    expect(allocation).toMatchObject({
      kind: 'population-missing',
      missing: [{ referenceDate: '2023-06-30', municipalityKey: '05370040', tenant: 'wegberg' }],
    });
    if (allocation.kind === 'population-missing') expect(allocation.message).toContain('2023-06-30 has no figure for municipality key 05370040');
  });
});

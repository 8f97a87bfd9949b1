import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitLargestRemainder } from '../../engine/agreement/splitLargestRemainder.ts';

const cases: { name: string; total: number; weights: [string, number][]; expected: number[] }[] = [
  {
    // 10000 / 3 = 3333.33 each; floors 9999; 1 cent left; equal remainders -> smallest id (05370004).
    name: '100.00 EUR over three equal populations',
    total: 10000,
    weights: [['05370008', 100], ['05370004', 100], ['05370012', 100]],
    expected: [3333, 3334, 3333],
  },
  {
    // 2 cents / 3 = 0.67 each; floors 0; 2 cents left -> the two smallest ids.
    name: 'two cents over three equal populations',
    total: 2,
    weights: [['05370012', 7], ['05370008', 7], ['05370004', 7]],
    expected: [0, 1, 1],
  },
  {
    // 123457 * 40000 / 50000 = 98765.6 -> 98765 r 0.6; 123457 * 10000 / 50000 = 24691.4 -> 24691 r 0.4;
    // floors 123456, 1 cent left -> larger remainder (0.6): 98766 / 24691.
    name: 'one cent to the largest remainder',
    total: 123457,
    weights: [['05370004', 40000], ['05370008', 10000]],
    expected: [98766, 24691],
  },
  {
    // 100 * 1/6 = 16.67, 100 * 2/6 = 33.33, 100 * 3/6 = 50; floors 16 + 33 + 50 = 99; 1 left;
    // remainders 0.67, 0.33, 0 -> the first: 17 / 33 / 50.
    name: 'largest remainder is not the largest weight',
    total: 100,
    weights: [['a', 1], ['b', 2], ['c', 3]],
    expected: [17, 33, 50],
  },
  { name: 'zero total', total: 0, weights: [['a', 5], ['b', 9]], expected: [0, 0] },
  { name: 'a single Kommune bears all', total: 99999, weights: [['a', 42884]], expected: [99999] },
  {
    // 9 007 199 254 740 991 * 44216 overflows a double; BigInt keeps it exact.
    // total * 44216 = ... ; / 57065 -> 6979099662623808 r 54536; total * 12849 / 57065 -> 2028099592117182 r 2529;
    // floors leave 1 cent -> the larger remainder (05370004).
    name: 'huge totals stay exact',
    total: Number.MAX_SAFE_INTEGER,
    weights: [['05370004', 44216], ['05370008', 12849]],
    expected: [6979099662623809, 2028099592117182],
  },
];

describe('splitLargestRemainder', () => {
  it.each(cases)('$name', ({ total, weights, expected }) => {
    const shares = splitLargestRemainder(total, weights.map(([id, weight]) => ({ id, weight })));
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('always sums to the total and gives nobody more than one cent above the exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          const shares = splitLargestRemainder(total, weights.map((weight, i) => ({ id: String(i).padStart(2, '0'), weight })));
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, i) => {
            // Exact quota in BigInt: the share is its floor, or the floor plus the one cent of a remainder.
            const numerator = BigInt(total) * BigInt(weights[i] ?? 0);
            const floor = numerator / sum;
            const ceil = numerator % sum === 0n ? floor : floor + 1n;
            expect(BigInt(share) >= floor && BigInt(share) <= ceil, `share ${share} outside [${floor}, ${ceil}]`).toBe(true);
          });
        },
      ),
    );
  });

  it.each([
    { total: -1, weights: [1] },
    { total: 1.5, weights: [1] },
    { total: 10, weights: [0, 0] },
    { total: 10, weights: [-3] },
  ])('rejects total $total over weights $weights', ({ total, weights }) => {
    expect(() => splitLargestRemainder(total, weights.map((weight, i) => ({ id: String(i), weight })))).toThrow(RangeError);
  });
});

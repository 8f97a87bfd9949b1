import { describe, expect, it } from 'vitest';
import { computeFee, computeTransactionCost, formatEuro, isValidFeeSchedule } from '../../engine/index.ts';

describe('Fees and transaction costs (engine)', () => {
  it('When the fee is fixed, then it is the base amount whatever the answers', () => {
    expect(computeFee({ basis: 'fixed' }, { baseCents: 3050 }, { anything: 1 })).toBe(3050);
  });

  it('When the fee is per item, then it counts the array (or the integer) at the pointer', () => {
    const fee = { basis: 'perItem', pointer: '/fahrzeuge' } as const;
    expect(computeFee(fee, { baseCents: 1000, unitCents: 500 }, { fahrzeuge: [{}, {}, {}] })).toBe(2500);
    expect(computeFee({ basis: 'perItem', pointer: '/wochen' }, { baseCents: 0, unitCents: 1200 }, { wochen: 3 })).toBe(3600);
    expect(computeFee(fee, { baseCents: 1000, unitCents: 500 }, {})).toBe(1000);
    expect(computeFee({ basis: 'perItem', pointer: '/wochen' }, { baseCents: 0, unitCents: 1200 }, { wochen: -2 })).toBe(0);
  });

  it('When the fee depends on an option, then the participant amount of the chosen option is added (unknown options add 0)', () => {
    const fee = { basis: 'byOption', pointer: '/art' } as const;
    const schedule = { baseCents: 500, optionCents: { jahresjagdschein: 4000, tagesjagdschein: 1500 } };
    expect(computeFee(fee, schedule, { art: 'tagesjagdschein' })).toBe(2000);
    expect(computeFee(fee, schedule, { art: 'constructor' })).toBe(500);
    expect(computeFee(fee, schedule, { art: 'toString' })).toBe(500);
  });

  it('When a schedule is checked, then only whole non-negative cents pass', () => {
    expect(isValidFeeSchedule({ baseCents: 3050 })).toBe(true);
    expect(isValidFeeSchedule({ baseCents: 30.5 })).toBe(false);
    expect(isValidFeeSchedule({ baseCents: -1 })).toBe(false);
    expect(isValidFeeSchedule({ baseCents: 1, extra: 1 })).toBe(false);
    expect(isValidFeeSchedule({ baseCents: 1, optionCents: { a: '1' } })).toBe(false);
  });

  it('When a transaction cost is computed, then fixed plus percentage rounds half up to whole cents', () => {
    expect(computeTransactionCost(3050, { fixedCents: 25, percentBasisPoints: 150 })).toBe(71);
    expect(computeTransactionCost(100, { fixedCents: 0, percentBasisPoints: 50 })).toBe(1);
    expect(computeTransactionCost(99, { fixedCents: 0, percentBasisPoints: 50 })).toBe(0);
    expect(computeTransactionCost(3050, { fixedCents: 0, percentBasisPoints: 0 })).toBe(0);
  });

  it('When cents are shown, then they are German euros without floating point', () => {
    expect(formatEuro(3050)).toBe('30,50 €');
    expect(formatEuro(123456789)).toBe('1.234.567,89 €');
    expect(formatEuro(5)).toBe('0,05 €');
  });
});

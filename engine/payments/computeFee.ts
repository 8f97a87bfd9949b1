import { resolvePointer } from '../jsonPointer.ts';
import type { Fee, FeeSchedule } from './types.ts';

/** Largest count a perItem fee multiplies (guards against absurd integers in answers). */
const MAX_UNITS = 10_000;

/**
 * The fee in integer cents for the answers `data`, from the definition's declarative `fee` and the participant's
 * `schedule`: 'fixed' = base; 'perItem' = base + unit × (array length, or the non-negative integer) at the pointer;
 * 'byOption' = base + the schedule's amount for the string chosen at the pointer (0 when not listed or absent).
 */
export function computeFee(fee: Fee, schedule: FeeSchedule, data: unknown): number {
  let cents = schedule.baseCents;
  if (fee.basis === 'perItem' && fee.pointer !== undefined) {
    const value = resolvePointer(data, fee.pointer);
    const units = Array.isArray(value) ? value.length : Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : 0;
    cents += (schedule.unitCents ?? 0) * Math.min(units, MAX_UNITS);
  } else if (fee.basis === 'byOption' && fee.pointer !== undefined) {
    const value = resolvePointer(data, fee.pointer);
    if (typeof value === 'string' && schedule.optionCents && Object.prototype.hasOwnProperty.call(schedule.optionCents, value)) {
      cents += schedule.optionCents[value]!;
    }
  }
  return cents;
}

/** True when a schedule holds only whole, non-negative cents within a sane bound. */
export function isValidFeeSchedule(value: unknown): value is FeeSchedule {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const isCents = (x: unknown): boolean => Number.isSafeInteger(x) && (x as number) >= 0 && (x as number) <= 100_000_000;
  if (Object.keys(record).some((key) => !['baseCents', 'unitCents', 'optionCents'].includes(key))) return false;
  if (!isCents(record.baseCents)) return false;
  if (record.unitCents !== undefined && !isCents(record.unitCents)) return false;
  if (record.optionCents !== undefined) {
    const options = record.optionCents;
    if (options === null || typeof options !== 'object' || Array.isArray(options)) return false;
    const entries = Object.entries(options);
    if (entries.length > 100 || entries.some(([key, cents]) => key.length === 0 || key.length > 200 || !isCents(cents))) return false;
  }
  return true;
}

/** One claimant in a largest-remainder split. */
export interface SplitClaim {
  /** Stable identifier; ties between equal remainders go to the smaller id (string order). */
  id: string;
  /** Non-negative safe integer weight (here: a population figure). */
  weight: number;
}

/**
 * Splits `total` (integer cents) in proportion to the weights with the largest-remainder (Hamilton) method:
 * everyone gets the floor of their exact quota `total * weight / sumOfWeights`; the cents left over go one
 * each to the largest remainders, ties broken by ascending `id`. The result always sums to `total` exactly.
 * Arithmetic is done in BigInt so large amounts times populations cannot lose precision.
 *
 * Example: 10000 cents over three equal weights: quotas 3333.33 each; floors 3333 * 3 = 9999; one cent left,
 * all remainders equal, so it goes to the smallest id: 3334 / 3333 / 3333.
 *
 * @returns the shares in the order of `claims`
 */
export function splitLargestRemainder(total: number, claims: readonly SplitClaim[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`splitLargestRemainder: total must be a non-negative safe integer, got ${total}`);
  }
  for (const claim of claims) {
    if (!Number.isSafeInteger(claim.weight) || claim.weight < 0) {
      throw new RangeError(`splitLargestRemainder: weight of "${claim.id}" must be a non-negative safe integer`);
    }
  }
  const sum = claims.reduce((acc, claim) => acc + BigInt(claim.weight), 0n);
  if (sum === 0n) {
    throw new RangeError('splitLargestRemainder: the weights sum to zero, nothing to split by');
  }
  const exact = claims.map((claim, index) => {
    const numerator = BigInt(total) * BigInt(claim.weight);
    return { index, id: claim.id, floor: numerator / sum, remainder: numerator % sum };
  });
  let left = BigInt(total) - exact.reduce((acc, entry) => acc + entry.floor, 0n);
  const byRemainder = [...exact].sort((a, b) =>
    a.remainder === b.remainder ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.remainder > b.remainder ? -1 : 1,
  );
  const shares = exact.map((entry) => entry.floor);
  for (const entry of byRemainder) {
    if (left === 0n) break;
    shares[entry.index] = (shares[entry.index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((share) => Number(share));
}

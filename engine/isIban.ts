/** IBAN lengths per country (ISO 13616 registry, EU/EEA and neighbours). Other countries: 15 to 34 characters. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FO: 18,
  FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26,
  UA: 29, VA: 22,
};

/**
 * ISO 13616 IBAN with mod-97 checksum. Spaces between groups are accepted (as printed on cards); letters
 * must be upper case. A German IBAN is DE + 2 check digits + 18 digits (BLZ and account number).
 */
export function isIban(value: string): boolean {
  const iban = value.includes(' ') ? value.replace(/ /g, '') : value;
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const country = iban.slice(0, 2);
  const expectedLength = IBAN_LENGTHS[country];
  if (expectedLength !== undefined && iban.length !== expectedLength) return false;
  if (country === 'DE' && !/^DE[0-9]{20}$/.test(iban)) return false;
  // Move the first four characters to the end, letters become 10..35, the number mod 97 must be 1.
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (code >= 65) {
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      remainder = (remainder * 10 + (code - 48)) % 97;
    }
  }
  return remainder === 1;
}

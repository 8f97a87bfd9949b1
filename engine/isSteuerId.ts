/**
 * German tax identification number (Steuerliche Identifikationsnummer, § 139b AO): 11 digits, the first not 0;
 * in the first ten digits exactly one digit occurs twice or three times (three times never directly in a row)
 * and all others at most once; the 11th digit is the ISO 7064 MOD 11,10 check digit.
 */
export function isSteuerId(value: string): boolean {
  if (!/^[1-9][0-9]{10}$/.test(value)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[value.charCodeAt(i) - 48]! += 1;
  let repeated = 0;
  for (const count of counts) {
    if (count > 3) return false;
    if (count > 1) repeated += 1;
  }
  if (repeated !== 1) return false;
  for (let i = 2; i < 10; i++) {
    if (value[i] === value[i - 1] && value[i] === value[i - 2]) return false;
  }
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (value.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === value.charCodeAt(10) - 48;
}

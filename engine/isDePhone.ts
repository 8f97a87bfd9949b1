/**
 * A German telephone number: national (0 2431 85-0) or international (+49 / 0049) with an area code;
 * spaces, '/', '-' and parentheses allowed as separators; 6 to 15 digits after the prefix.
 */
export function isDePhone(value: string): boolean {
  if (!/^(?:\+49|0049|0)[ (]*[1-9][0-9 ()/-]*[0-9]$/.test(value)) return false;
  const digits = value.replace(/^(?:\+49|0049|0)/, '').replace(/[^0-9]/g, '');
  return digits.length >= 6 && digits.length <= 15;
}

/**
 * Reads `--name value` pairs; returns an error text for a stray argument, a missing value or a flag not in
 * `allowed`.
 */
export function parseFlags(args: readonly string[], allowed: readonly string[]): Record<string, string> | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i] ?? '';
    const value = args[i + 1];
    if (!name.startsWith('--') || !allowed.includes(name.slice(2))) return `unexpected argument "${name}" (expected ${allowed.map((flag) => `--${flag}`).join(', ')})`;
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    values[name.slice(2)] = value;
  }
  return values;
}

/**
 * Serializes a JSON value deterministically: object keys sorted by code unit order, no whitespace.
 * Two values that are equal as JSON give the same text, whatever their key order, so its hash identifies
 * a definition's content (forms/forms.lock.json). Throws for values JSON cannot represent (NaN, Infinity,
 * functions, bigint, cycles), because hashing them would silently hash something else.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set(), '');
}

function serialize(value: unknown, ancestors: Set<object>, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at "${path || '/'}"`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot serialize a ${typeof value} at "${path || '/'}"`);
  }
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: circular structure at "${path || '/'}"`);
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    // Holes and undefined entries become null, as JSON.stringify does.
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      items.push(item === undefined ? 'null' : serialize(item, ancestors, `${path}/${i}`));
    }
    out = `[${items.join(',')}]`;
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    const members: string[] = [];
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      members.push(`${JSON.stringify(key)}:${serialize(member, ancestors, `${path}/${key}`)}`);
    }
    out = `{${members.join(',')}}`;
  }
  ancestors.delete(value);
  return out;
}
